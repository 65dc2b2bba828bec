package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/**
 * A worker joins (answered with an {@link io.quarry.common.rpc.Ack}). Not idempotent: registering a
 * known worker again tells the Scheduler it restarted, so whatever it ran before is declared lost.
 */
public record RegisterWorker(String workerId, String host, String rack, int mapSlots, int reduceSlots) {
    public RegisterWorker {
        requireNonNull(workerId, "workerId is null");
        requireNonNull(host, "host is null");
        requireNonNull(rack, "rack is null");
    }
}
