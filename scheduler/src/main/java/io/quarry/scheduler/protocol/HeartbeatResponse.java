package io.quarry.scheduler.protocol;

import java.util.List;

/** What a worker must do now, in order; {@code reregister} when the Scheduler does not know it (it must register again). */
public record HeartbeatResponse(List<WorkerInstruction> instructions, boolean reregister) {
    public HeartbeatResponse {
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
    }
}
