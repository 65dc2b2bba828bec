package io.quarry.mapreduce.runtime;

import java.io.IOException;

/**
 * A task attempt failed: user code or a reader threw. The message names the attempt and, for a
 * map, the input position of the record being processed; the original failure is the cause.
 */
public final class TaskFailedException extends IOException {
    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
