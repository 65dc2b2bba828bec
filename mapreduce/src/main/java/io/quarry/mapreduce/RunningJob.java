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
     * returns the latest status. Runners that cannot tell when that happens just wait.
     */
    default JobStatus awaitStatusChange(Duration maxWait) throws IOException, InterruptedException {
        Thread.sleep(maxWait.toMillis());
        return status();
    }

    /** Asks the job to stop; running attempts are killed and nothing is committed. */
    void kill() throws IOException;
}
