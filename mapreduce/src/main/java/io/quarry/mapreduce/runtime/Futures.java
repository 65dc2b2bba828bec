package io.quarry.mapreduce.runtime;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work handed to a task's helper threads, rethrowing its failure as the task would have thrown it. */
final class Futures {
    private Futures() {
    }

    /** The result of {@code future}; its I/O, interrupt, runtime and error failures come out as themselves. */
    static <T> T await(Future<T> future, String what) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(what + " failed: " + cause, cause);
        }
    }
}
