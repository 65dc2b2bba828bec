package io.quarry.mapreduce;

import java.io.IOException;
import java.time.Duration;

/** A submitted job, as the client holds it. */
public interface RunningJob {

    JobId id();

    /** The latest status; cheap to call repeatedly. */
    JobStatus status() throws IOException;

    /**
     * Waits up to {@code maxWait} for the job to finish or to move on (a task ending), then
     * returns the latest status. Runners wake the waiter when something changes, so a client
     * following a job sees it move without polling at a fixed rate.
     */
    JobStatus awaitStatusChange(Duration maxWait) throws IOException, InterruptedException;

    /** Asks the job to stop; running attempts are killed and nothing is committed. */
    void kill() throws IOException;
}
