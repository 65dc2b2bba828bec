package io.quarry.mapreduce.runtime;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a job's map tasks and then its reduce tasks one after another in this thread, as the in-process runner will. */
final class TestJobRunner {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestJobRunner() {
    }

    /** What a test job left: each task's collected output (reducers, or maps when map-only), counters and map outputs. */
    record Result(List<List<Object[]>> outputs, Counters mapCounters, Counters reduceCounters, List<MapOutput> mapOutputs,
            List<Float> reduceProgress) {
        List<Object[]> allOutput() {
            List<Object[]> all = new ArrayList<>();
            outputs.forEach(all::addAll);
            return all;
        }
    }

    /** The configuration tests start from: generated input, collected output. */
    static Configuration baseConf() {
        return Configuration.empty()
                .with(MapReduceConfigKeys.INPUT_FORMAT_CLASS, GeneratedInputFormat.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS, CollectingOutputFormat.class.getName());
    }

    static JobContext job(Configuration conf) {
        return new JobContext(new JobId("test", SEQUENCE.incrementAndGet()), conf, TestJobRunner.class.getClassLoader());
    }

    static TaskAttemptContext attempt(JobContext job, TaskType type, int index) {
        return new TaskAttemptContext(job, new TaskAttemptId(new TaskId(job.jobId(), type, index), 0));
    }

    /** Runs the job; reducers read the map files in place, as in-process. */
    static Result run(Configuration conf, List<GeneratedSplit> splits, Path dir) throws IOException, InterruptedException {
        return run(conf, splits, dir, false);
    }

    /** Runs the job; with {@code streamed} reducers get map output as streams, as over a network. */
    static Result run(Configuration conf, List<GeneratedSplit> splits, Path dir, boolean streamed)
            throws IOException, InterruptedException {
        JobContext job = job(conf);
        Counters mapCounters = new Counters();
        List<MapOutput> mapOutputs = new ArrayList<>();
        List<List<Object[]>> outputs = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            TaskAttemptContext attempt = attempt(job, TaskType.MAP, i);
            mapOutputs.add(new MapTask(attempt, splits.get(i), dir.resolve("map" + i)).run());
            mapCounters.add(attempt.counters());
            if (job.numReduceTasks() == 0) {
                outputs.add(CollectingOutputFormat.take(attempt.taskAttemptId().toString()));
            }
        }
        Counters reduceCounters = new Counters();
        List<Float> reduceProgress = new ArrayList<>();
        for (int r = 0; r < job.numReduceTasks(); r++) {
            TaskAttemptContext attempt = attempt(job, TaskType.REDUCE, r);
            try (MapOutputFetcher fetcher = streamed ? new StreamingFetcher(mapOutputs) : new LocalMapOutputFetcher(mapOutputs)) {
                new ReduceTask(attempt, splits.size(), fetcher, dir.resolve("reduce" + r)).run();
            }
            reduceCounters.add(attempt.counters());
            reduceProgress.add(attempt.progress());
            outputs.add(CollectingOutputFormat.take(attempt.taskAttemptId().toString()));
        }
        return new Result(outputs, mapCounters, reduceCounters, mapOutputs, reduceProgress);
    }
}
