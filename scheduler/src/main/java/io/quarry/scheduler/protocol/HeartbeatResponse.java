package io.quarry.scheduler.protocol;

import java.util.List;

/**
 * What a worker must do now, in order; {@code reregister} when the Scheduler does not know it (it
 * must register again). {@code nextHeartbeatMillis} is how long the worker should wait before its
 * next regular heartbeat; 0 leaves it to the worker's own interval.
 */
public record HeartbeatResponse(List<WorkerInstruction> instructions, boolean reregister, long nextHeartbeatMillis) {
    public HeartbeatResponse {
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        if (nextHeartbeatMillis < 0) {
            throw new IllegalArgumentException("negative heartbeat interval " + nextHeartbeatMillis);
        }
    }
}
