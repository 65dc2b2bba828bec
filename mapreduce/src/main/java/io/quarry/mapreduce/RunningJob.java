package io.quarry.mapreduce;

import java.io.IOException;

/** A submitted job, as the client holds it. */
public interface RunningJob {

    JobId id();

    /** The latest status; cheap to call repeatedly. */
    JobStatus status() throws IOException;

    /** Asks the job to stop; running attempts are killed and nothing is committed. */
    void kill() throws IOException;
}
