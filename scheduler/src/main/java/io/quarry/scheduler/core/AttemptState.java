package io.quarry.scheduler.core;

/** Where one task attempt is; every state but RUNNING is terminal. */
public enum AttemptState {
    RUNNING,
    SUCCEEDED,
    /** Failed by its own fault; counts toward the task's attempt limit. */
    FAILED,
    /** Stopped by the Scheduler or lost with its worker; does not count toward the limit. */
    KILLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
