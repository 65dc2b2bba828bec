package io.quarry.scheduler.worker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarry.common.conf.Configuration;
import io.quarry.common.io.LocalFiles;
import io.quarry.dfs.FileSystem;
import io.quarry.mapreduce.JobId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Sets each job up once on this Worker: copies the job jar from its FileSystem into the job's
 * local directory and builds the job's class loader. Attempts of the same job share the result;
 * a failed set-up is retried by the job's next attempt. Thread-safe.
 */
public final class JobLocalizer {
    private static final Logger LOG = LoggerFactory.getLogger(JobLocalizer.class);
    static final String JAR_NAME = "job.jar";

    private final Path localDir;
    private final ClassLoader parent;
    private final Map<JobId, Holder> jobs = new ConcurrentHashMap<>();

    /** One job's set-up, done by whichever attempt of the job comes first. */
    private static final class Holder {
        private LocalizedJob localized;
        private boolean released;
    }

    public JobLocalizer(Path localDir, ClassLoader parent) {
        this.localDir = requireNonNull(localDir, "localDir is null");
        this.parent = requireNonNull(parent, "parent is null");
    }

    /** The job's set-up, done now if no earlier attempt did it. */
    public LocalizedJob localize(JobId job, Configuration conf, String jobJar) throws IOException {
        requireNonNull(job, "job is null");
        Holder holder = jobs.computeIfAbsent(job, j -> new Holder());
        synchronized (holder) {
            if (holder.released) {
                throw new IOException("job " + job + " has finished on this Worker; its attempts cannot start");
            }
            if (holder.localized == null) {
                holder.localized = setUp(job, conf, jobJar);
            }
            return holder.localized;
        }
    }

    /** Closes the job's class loader and deletes its local directory; later attempts of the job fail. */
    public void release(JobId job) {
        Holder holder = jobs.computeIfAbsent(requireNonNull(job, "job is null"), j -> new Holder());
        LocalizedJob localized;
        synchronized (holder) {
            holder.released = true;
            localized = holder.localized;
            holder.localized = null;
        }
        if (localized != null) {
            localized.close();
        } else {
            LocalFiles.deleteQuietly(jobDir(job));
        }
        LOG.info("Cleaned up job {} in {}", job, jobDir(job));
    }

    /** Forgets released jobs, so the map does not grow forever; the daemon may call it with the job history limit. */
    public void forget(JobId job) {
        jobs.remove(requireNonNull(job, "job is null"));
    }

    public Path jobDir(JobId job) {
        return localDir.resolve(job.toString());
    }

    private LocalizedJob setUp(JobId job, Configuration conf, String jobJar) throws IOException {
        Path dir = jobDir(job);
        Files.createDirectories(dir);
        if (jobJar == null) {
            return new LocalizedJob(job, dir, null, parent);
        }
        Path localJar = dir.resolve(JAR_NAME);
        copy(jobJar, conf, localJar);
        URLClassLoader loader = new URLClassLoader("job-" + job, new URL[] {localJar.toUri().toURL()}, parent);
        LOG.info("Localized the jar of job {}: {} -> {}", job, jobJar, localJar);
        return new LocalizedJob(job, dir, localJar, loader);
    }

    private static void copy(String jobJar, Configuration conf, Path localJar) throws IOException {
        io.quarry.dfs.Path source = new io.quarry.dfs.Path(jobJar);
        Path partial = localJar.resolveSibling(localJar.getFileName() + ".part");
        try (FileSystem fs = FileSystem.get(source, conf); InputStream in = fs.open(source)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw new IOException("Could not copy the job jar " + jobJar + " to " + localJar + ": " + e, e);
        }
        Files.move(partial, localJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
