package io.quarry.mapreduce;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.output.OutputFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The driver's view of a job: set the classes, formats and paths, then {@link #waitForCompletion}.
 * Everything set is kept as configuration (Hadoop's key names), which is what travels to the tasks.
 *
 * <pre>{@code
 * Job job = Job.create(conf, "wordcount");
 * job.setJarByClass(WordCount.class);
 * job.setMapperClass(TokenMapper.class);
 * job.setCombinerClass(SumReducer.class);
 * job.setReducerClass(SumReducer.class);
 * job.setOutputKeyClass(Text.class);
 * job.setOutputValueClass(LongValue.class);
 * job.addInputPath(new Path(args[0]));
 * job.setOutputPath(new Path(args[1]));
 * System.exit(job.waitForCompletion(true) ? 0 : 1);
 * }</pre>
 */
public final class Job {
    private final Configuration base;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private RunningJob running;
    private JobStatus finalStatus;

    private Job(Configuration base) {
        this.base = Objects.requireNonNull(base, "conf");
    }

    public static Job create(Configuration conf) {
        return new Job(conf);
    }

    public static Job create(Configuration conf, String name) {
        return new Job(conf).setJobName(name);
    }

    /** The job's whole configuration: the base plus everything set on this job. */
    public Configuration configuration() {
        return base.withAll(settings);
    }

    public Job set(String key, String value) {
        checkNotSubmitted();
        settings.put(key, value);
        return this;
    }

    public Job set(ConfigKey key, String value) {
        return set(key.name(), value);
    }

    public Job setJobName(String name) {
        return set(MapReduceConfigKeys.JOB_NAME, name);
    }

    /** Ships the jar that holds {@code type} with the job (nothing when it is not in a jar). */
    public Job setJarByClass(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && source.getLocation().getPath().endsWith(".jar")) {
                set(MapReduceConfigKeys.JOB_JAR, java.nio.file.Path.of(source.getLocation().toURI()).toString());
            }
        } catch (URISyntaxException | SecurityException e) {
            throw new IllegalArgumentException("cannot locate the jar of " + type.getName(), e);
        }
        return this;
    }

    @SuppressWarnings("rawtypes")
    public Job setMapperClass(Class<? extends Mapper> type) {
        return setClass(MapReduceConfigKeys.MAPPER_CLASS, type);
    }

    @SuppressWarnings("rawtypes")
    public Job setCombinerClass(Class<? extends Reducer> type) {
        return setClass(MapReduceConfigKeys.COMBINER_CLASS, type);
    }

    @SuppressWarnings("rawtypes")
    public Job setReducerClass(Class<? extends Reducer> type) {
        return setClass(MapReduceConfigKeys.REDUCER_CLASS, type);
    }

    @SuppressWarnings("rawtypes")
    public Job setPartitionerClass(Class<? extends Partitioner> type) {
        return setClass(MapReduceConfigKeys.PARTITIONER_CLASS, type);
    }

    public Job setSortComparatorClass(Class<? extends RawComparator> type) {
        return setClass(MapReduceConfigKeys.SORT_COMPARATOR_CLASS, type);
    }

    public Job setGroupingComparatorClass(Class<? extends RawComparator> type) {
        return setClass(MapReduceConfigKeys.GROUPING_COMPARATOR_CLASS, type);
    }

    @SuppressWarnings("rawtypes")
    public Job setInputFormatClass(Class<? extends InputFormat> type) {
        return setClass(MapReduceConfigKeys.INPUT_FORMAT_CLASS, type);
    }

    @SuppressWarnings("rawtypes")
    public Job setOutputFormatClass(Class<? extends OutputFormat> type) {
        return setClass(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS, type);
    }

    public Job setMapOutputKeyClass(Class<?> type) {
        return setClass(MapReduceConfigKeys.MAP_OUTPUT_KEY_CLASS, type);
    }

    public Job setMapOutputValueClass(Class<?> type) {
        return setClass(MapReduceConfigKeys.MAP_OUTPUT_VALUE_CLASS, type);
    }

    public Job setOutputKeyClass(Class<?> type) {
        return setClass(MapReduceConfigKeys.OUTPUT_KEY_CLASS, type);
    }

    public Job setOutputValueClass(Class<?> type) {
        return setClass(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, type);
    }

    /** Reduce tasks; 0 makes a map-only job. */
    public Job setNumReduceTasks(int reduces) {
        if (reduces < 0) {
            throw new IllegalArgumentException("negative number of reduce tasks: " + reduces);
        }
        return set(MapReduceConfigKeys.NUM_REDUCES, Integer.toString(reduces));
    }

    /** Adds an input path: a file, a directory (its files) or a glob. */
    public Job addInputPath(Path path) {
        String text = path.toString();
        if (text.contains(",")) {
            throw new IllegalArgumentException("input path must not contain ',': " + text);
        }
        List<String> paths = new ArrayList<>(configuration().getList(MapReduceConfigKeys.INPUT_DIRS));
        paths.removeIf(String::isBlank);
        paths.add(text);
        return set(MapReduceConfigKeys.INPUT_DIRS, String.join(",", paths));
    }

    public Job setOutputPath(Path path) {
        return set(MapReduceConfigKeys.OUTPUT_DIR, path.toString());
    }

    /** Starts the job and returns at once. */
    public RunningJob submit() throws IOException {
        checkNotSubmitted();
        running = JobRunners.forConfiguration(configuration()).submit(configuration());
        return running;
    }

    /**
     * Submits the job if needed and waits for it; with {@code verbose}, shows progress on standard
     * error while it runs and the counters at the end, as Hadoop does.
     */
    public boolean waitForCompletion(boolean verbose) throws IOException, InterruptedException {
        return waitForCompletion(verbose ? System.err : null);
    }

    /** As {@link #waitForCompletion(boolean)}, reporting to {@code out} (nothing when null). */
    public boolean waitForCompletion(PrintStream out) throws IOException, InterruptedException {
        if (running == null) {
            submit();
        }
        finalStatus = new JobMonitor(running, configuration().getDuration(MapReduceConfigKeys.PROGRESS_INTERVAL), out)
                .awaitCompletion();
        return finalStatus.isSuccessful();
    }

    /** The finished job's status, or the running job's latest. */
    public JobStatus status() throws IOException {
        if (finalStatus != null) {
            return finalStatus;
        }
        if (running == null) {
            throw new IllegalStateException("job not submitted yet");
        }
        return running.status();
    }

    public Counters counters() throws IOException {
        return status().counters();
    }

    private Job setClass(ConfigKey key, Class<?> type) {
        return set(key, type.getName());
    }

    private void checkNotSubmitted() {
        if (running != null) {
            throw new IllegalStateException("the job was already submitted; settings can no longer change");
        }
    }
}
