package io.quarry.scheduler.worker;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;

import io.quarry.common.io.LocalFiles;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A job as set up on this Worker: its local directory (the jar copy and every attempt's work
 * directory) and the class loader its attempts run with. {@link #close} closes the loader and
 * deletes the directory.
 */
public final class LocalizedJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalizedJob.class);

    private final JobId job;
    private final Path dir;
    private final Path localJar;
    private final ClassLoader classLoader;

    LocalizedJob(JobId job, Path dir, Path localJar, ClassLoader classLoader) {
        this.job = requireNonNull(job, "job is null");
        this.dir = requireNonNull(dir, "dir is null");
        this.localJar = localJar;
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
    }

    public JobId job() {
        return job;
    }

    /** The job's directory on this Worker. */
    public Path dir() {
        return dir;
    }

    /** The local copy of the job jar, or null when the job has none. */
    public Path localJar() {
        return localJar;
    }

    /** Loads the job's classes: the jar's loader (parent: the Worker's), or the Worker's own when there is no jar. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Where an attempt keeps its spills and, for a map, its output. */
    public Path attemptDir(TaskAttemptId attempt) {
        return dir.resolve(attempt.toString());
    }

    @Override
    public void close() {
        if (classLoader instanceof URLClassLoader jarLoader) {
            try {
                jarLoader.close();
            } catch (IOException e) {
                LOG.warn("Could not close the class loader of job {}: {}", job, e.toString());
            }
        }
        LocalFiles.deleteQuietly(dir);
    }
}
