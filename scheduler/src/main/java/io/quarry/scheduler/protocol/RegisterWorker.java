package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/**
 * A worker joins (answered with an {@link io.quarry.common.rpc.Ack}). Not idempotent: registering a
 * known worker again tells the Scheduler it restarted, so whatever it ran before is declared lost.
 * Reducers fetch the worker's map outputs from {@code host:shufflePort}.
 */
public record RegisterWorker(String workerId, String host, String rack, int mapSlots, int reduceSlots, int shufflePort) {
    public RegisterWorker {
        requireNonNull(workerId, "workerId is null");
        requireNonNull(host, "host is null");
        requireNonNull(rack, "rack is null");
    }
}
