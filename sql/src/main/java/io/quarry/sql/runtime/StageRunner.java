package io.quarry.sql.runtime;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.output.TextOutputFormat;
import io.quarry.mapreduce.partition.InputSampler;
import io.quarry.mapreduce.partition.TotalOrderPartitioner;
import io.quarry.mapreduce.recordfile.RecordFileOutputFormat;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.runtime.plan.Shuffle;
import io.quarry.sql.runtime.plan.Source;
import io.quarry.sql.runtime.plan.StagePlan;

/**
 * Runs the stages of a query one after the other as MapReduce jobs (with whatever runner
 * {@code mapreduce.framework.name} selects), reports their progress, and reads the last stage's
 * output. A failed stage is reported with the job's own account of the failure (task, input
 * position, original exception).
 */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    /** Told the progress of the running stage. */
    @FunctionalInterface
    public interface Progress {
        void report(int stage, int stageCount, String description, float map, float reduce);
    }

    /** A stage that did not succeed. */
    public static final class StageFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        StageFailedException(String message) {
            super(message);
        }
    }

    private static final int SPLITS_SAMPLED = 10;

    private final Configuration conf;

    public StageRunner(Configuration conf) {
        this.conf = requireNonNull(conf, "conf is null");
    }

    public void run(List<StagePlan> stages, List<String> descriptions, Progress progress) throws IOException, InterruptedException {
        for (int i = 0; i < stages.size(); i++) {
            StagePlan stage = stages.get(i);
            String description = descriptions.get(i);
            Job job = Job.create(conf, "sql stage " + (i + 1) + "/" + stages.size() + ": " + abbreviate(description));
            job.setJarByClass(StageMapper.class);
            job.set(SqlConfigKeys.STAGE_PLAN, PlanCodec.encode(stage));
            job.set(MapReduceConfigKeys.INPUT_FORMAT_CLASS, StageInputFormat.class.getName());
            job.setMapperClass(StageMapper.class);
            job.setOutputKeyClass(NullValue.class);
            if (stage.textDelimiter() == StagePlan.BINARY) {
                job.setOutputFormatClass(RecordFileOutputFormat.class);
                job.setOutputValueClass(BytesValue.class);
            } else {
                job.setOutputFormatClass(TextOutputFormat.class);
                job.setOutputValueClass(Text.class);
            }
            if (stage.shuffle() != null) {
                job.setMapOutputKeyClass(BytesValue.class);
                job.setMapOutputValueClass(BytesValue.class);
                job.setReducerClass(StageReducer.class);
                job.setNumReduceTasks(stage.reducers());
            } else {
                job.setNumReduceTasks(0);
            }
            job.setOutputPath(new Path(stage.outputDirectory()));
            long start = System.nanoTime();
            if (stage.shuffle() instanceof Shuffle.Sort && stage.reducers() > 1) {
                partitionByRange(stage, job);
            }
            RunningJob running = job.submit();
            JobStatus status = running.status();
            while (!status.state().isFinished()) {
                progress.report(i + 1, stages.size(), description, status.mapProgress(), status.reduceProgress());
                status = running.awaitStatusChange(Duration.ofMillis(250));
            }
            progress.report(i + 1, stages.size(), description, status.mapProgress(), status.reduceProgress());
            if (!status.isSuccessful()) {
                throw new StageFailedException("Stage " + (i + 1) + " of " + stages.size() + " (" + abbreviate(description)
                        + ") failed: " + (status.failure().isEmpty() ? "job " + status.id() + " " + status.state() : status.failure()));
            }
            LOG.info("SQL stage {}/{} ({}) finished in {} ms", i + 1, stages.size(), status.id(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Makes a sort stage with several reducers a total-order sort: split points chosen from a
     * sample of its sort keys give each reducer a key range, all of reducer i's before reducer
     * i+1's, so its part files read in order are sorted. An input without rows gets one reducer.
     */
    private void partitionByRange(StagePlan stage, Job job) throws IOException, InterruptedException {
        JobContext context = new JobContext(new JobId("sql-sample", stage.id()), job.configuration(), StageRunner.class.getClassLoader());
        int wanted = Math.max(stage.reducers(), conf.getInt(SqlConfigKeys.ORDER_BY_SAMPLE_KEYS));
        List<byte[]> keys = new SortKeySampler(wanted, SPLITS_SAMPLED).sample(stage, context);
        if (keys.isEmpty()) {
            LOG.info("SQL stage {}: the sample of its input has no rows, so one reducer sorts it", stage.id());
            job.setNumReduceTasks(1);
            return;
        }
        job.setPartitionerClass(TotalOrderPartitioner.class);
        TotalOrderPartitioner.setPartitionFile(job, new Path(stage.outputDirectory() + ".partitions"));
        InputSampler.writePartitionFile(job, (format, sampled) -> keys);
    }

    /** The rows the last stage wrote, in the order of its output files. */
    public List<Object[]> readOutput(StagePlan last) throws IOException, InterruptedException {
        List<Object[]> rows = new ArrayList<>();
        ClassLoader loader = StageRunner.class.getClassLoader();
        InputReaders.readAll(new Source.StageOutput(last.id(), last.outputDirectory()), conf, loader, row -> rows.add(row.clone()));
        return rows;
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
