package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A worker joins (answered with an {@link io.quarry.common.rpc.Ack}). Not idempotent: registering a
 * known worker again tells the Scheduler it restarted, so whatever it ran before is declared lost.
 * Reducers fetch the worker's map outputs from {@code host:shufflePort}. {@code heldMapOutputs} are
 * the map attempts whose output the worker still serves: after a change of active Scheduler, the
 * new one keeps those maps done instead of running them again.
 */
public record RegisterWorker(String workerId, String host, String rack, int mapSlots, int reduceSlots, int shufflePort,
                             List<String> heldMapOutputs) {
    public RegisterWorker {
        requireNonNull(workerId, "workerId is null");
        requireNonNull(host, "host is null");
        requireNonNull(rack, "rack is null");
        heldMapOutputs = heldMapOutputs == null ? List.of() : List.copyOf(heldMapOutputs);
    }

    /** A worker holding no map outputs. */
    public RegisterWorker(String workerId, String host, String rack, int mapSlots, int reduceSlots, int shufflePort) {
        this(workerId, host, rack, mapSlots, reduceSlots, shufflePort, List.of());
    }

    /** The same registration, listing the map outputs held now. */
    public RegisterWorker holding(List<String> outputs) {
        return new RegisterWorker(workerId, host, rack, mapSlots, reduceSlots, shufflePort, outputs);
    }
}
