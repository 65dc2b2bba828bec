package io.quarry.scheduler.client;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.time.Clock;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobRunner;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.scheduler.protocol.SerializedSplit;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.service.SchedulerClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on the cluster ({@code mapreduce.framework.name=cluster}). Submitting a job checks it
 * as the in-process runner does (its classes load, its output directory does not exist yet),
 * computes its splits with the hosts of their blocks, stages the job jar and configuration in a new
 * directory under {@code mapreduce.jobtracker.staging.root.dir} in the default filesystem, and
 * hands the job to the Scheduler at {@code quarry.scheduler.address} (with HA, to the active one
 * ZooKeeper names, following it across a failover). A job that fails a check is
 * neither staged nor submitted; a submission that fails removes what it staged.
 */
public final class ClusterJobRunner implements JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobRunner.class);
    public static final String FRAMEWORK = "cluster";

    private final Clock clock;

    /** The runner {@link java.util.ServiceLoader} creates. */
    public ClusterJobRunner() {
        this(Clock.system());
    }

    ClusterJobRunner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public String framework() {
        return FRAMEWORK;
    }

    @Override
    public RunningJob submit(Configuration jobConf) throws IOException {
        long started = clock.nanoTime();
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        PreparedJob prepared = JobPreparation.prepare(jobConf, contextLoader != null ? contextLoader : getClass().getClassLoader());
        java.nio.file.Path localJar = localJar(jobConf);
        String user = CommonConfigKeys.currentUser(jobConf);
        JobContext job = prepared.context();

        StagingDirectory staging = StagingDirectory.create(jobConf, user, clock.currentTimeMillis());
        SchedulerClient client = null;
        try {
            Path stagedJar = localJar == null ? null : staging.stageJar(localJar);
            Map<String, String> submittedConf = submittedConf(jobConf, user, staging.path(), stagedJar);
            staging.writeConf(submittedConf, "Job " + job.jobName() + " submitted by " + user);
            List<SerializedSplit> splits = new ArrayList<>(prepared.splits().size());
            for (InputSplit split : prepared.splits()) {
                splits.add(SplitCodec.encode(split));
            }
            client = SchedulerClient.connect(jobConf, true);
            // With HA the client names the job, so a submission retried after a failover is recognised, not run twice.
            String chosenId = client.followsFailover() ? new JobId(Long.toString(clock.currentTimeMillis()),
                    ThreadLocalRandom.current().nextInt(1, 1_000_000)).toString() : "";
            String assigned = submit(client, new SubmitJob(chosenId, user, job.jobName(), submittedConf,
                    stagedJar == null ? "" : stagedJar.toString(), splits, job.numReduceTasks()));
            JobId id = WireForms.jobId(assigned);
            LOG.info("Submitted job {} ({}) to the Scheduler at {}: {} maps, {} reduces, staged in {} ({} ms)", id,
                    job.jobName(), client.describe(), splits.size(), job.numReduceTasks(), staging,
                    (clock.nanoTime() - started) / 1_000_000);
            return ClusterRunningJob.follow(id, job.jobName(), splits.size(), job.numReduceTasks(), user, client, staging,
                    jobConf.getDuration(MapReduceConfigKeys.PROGRESS_INTERVAL), clock);
        } catch (IOException | RuntimeException e) {
            if (client != null) {
                client.close();
            }
            staging.delete();
            throw e;
        }
    }

    private static String submit(SchedulerClient client, SubmitJob request) throws QuarryException {
        try {
            return client.submitJob(request);
        } catch (QuarryException e) {
            if (e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.TIMEOUT) {
                String where = client.followsFailover() ? client.describe() : SchedulerAddress.describe(client.address());
                throw new QuarryException(e.code(), "Cannot submit " + (request.name().isEmpty() ? "the job" : "job " + request.name()) + " to the Scheduler at "
                        + where + ": " + e.getMessage()
                        + " (is the Scheduler running? 'quarry scheduler' or 'quarry local start' runs one)", e);
            }
            throw e;
        }
    }

    /** The local job jar named by {@code mapreduce.job.jar}, or null when the job ships none. */
    private static java.nio.file.Path localJar(Configuration conf) {
        String value = conf.getString(MapReduceConfigKeys.JOB_JAR);
        if (value == null || value.isBlank()) {
            return null;
        }
        java.nio.file.Path jar = value.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(value))
                : java.nio.file.Path.of(value);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(MapReduceConfigKeys.JOB_JAR.name() + " = " + value + ": no such local file");
        }
        return jar;
    }

    /**
     * The configuration the tasks run with: the job's, plus what a worker on another machine needs
     * to see the same files: the default filesystem, the submitting user, the staging directory
     * (which the Scheduler removes when the job ends), the staged jar and a fully qualified output directory.
     */
    private static Map<String, String> submittedConf(Configuration conf, String user, Path stagingDir, Path stagedJar)
            throws IOException {
        Map<String, String> values = new LinkedHashMap<>(conf.asMap());
        values.put(DfsConfigKeys.DEFAULT_FS.name(), conf.getString(DfsConfigKeys.DEFAULT_FS));
        values.put(CommonConfigKeys.USER_NAME.name(), user);
        values.put(MapReduceConfigKeys.JOB_DIR.name(), stagingDir.toString());
        if (stagedJar != null) {
            values.put(MapReduceConfigKeys.JOB_JAR.name(), stagedJar.toString());
        } else {
            values.remove(MapReduceConfigKeys.JOB_JAR.name());
        }
        String output = conf.getString(MapReduceConfigKeys.OUTPUT_DIR);
        if (output != null && !output.isBlank()) {
            Path out = new Path(output);
            try (FileSystem fs = FileSystem.get(out, conf)) {
                values.put(MapReduceConfigKeys.OUTPUT_DIR.name(), fs.qualify(out).toString());
            }
        }
        return values;
    }
}
