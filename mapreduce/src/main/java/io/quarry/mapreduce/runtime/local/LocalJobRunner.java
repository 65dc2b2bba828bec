package io.quarry.mapreduce.runtime.local;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobRunner;
import io.quarry.mapreduce.RunningJob;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs inside this process ({@code mapreduce.framework.name=local}): map tasks in parallel
 * (one per core by default), then reduce tasks in parallel, with the same task runtime a cluster
 * worker uses.
 */
public final class LocalJobRunner implements JobRunner {
    /** Ids look like {@code job_local123456789_0001}, unique within this process. */
    private static final String ORIGIN = "local" + ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Override
    public String framework() {
        return "local";
    }

    @Override
    public RunningJob submit(Configuration jobConf) throws IOException {
        JobId id = new JobId(ORIGIN, SEQUENCE.incrementAndGet());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        LocalJob job = LocalJob.prepare(id, jobConf, loader != null ? loader : LocalJobRunner.class.getClassLoader());
        job.start();
        return job;
    }
}
