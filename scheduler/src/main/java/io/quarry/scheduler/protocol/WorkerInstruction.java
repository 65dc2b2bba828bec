package io.quarry.scheduler.protocol;

/** Something a worker must do, delivered in the answer to its heartbeat. */
public sealed interface WorkerInstruction
        permits LaunchInstruction, KillInstruction, RerunMapInstruction, CleanupJobInstruction {
}
