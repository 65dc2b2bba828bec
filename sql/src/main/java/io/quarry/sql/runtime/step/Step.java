package io.quarry.sql.runtime.step;

import java.io.IOException;

/**
 * One step of a task's row pipeline. {@link #push} may be called with an array that the caller
 * reuses afterwards: a step that keeps a row copies it. {@link #finish} is called once at the end
 * of the task and passes on down the pipeline.
 */
public interface Step {
    void push(Object[] row) throws IOException, InterruptedException;

    default void finish() throws IOException, InterruptedException {
    }
}
