package io.quarry.mapreduce;

/** Where a job is in its life. */
public enum JobState {
    PREP,
    RUNNING,
    SUCCEEDED,
    FAILED,
    KILLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == KILLED;
    }
}
