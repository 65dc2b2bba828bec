package io.quarry.scheduler.shuffle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.runtime.FetchedSegment;
import io.quarry.mapreduce.runtime.IndexEntry;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.mapreduce.runtime.MapOutputFetcher;
import io.quarry.mapreduce.runtime.MapOutputIndex;
import io.quarry.mapreduce.runtime.MapTask;

/** Map outputs for shuffle tests: real ones from {@link MapTask}, or synthetic files of random bytes with a real index. */
final class MapOutputs {
    private static final AtomicInteger JOBS = new AtomicInteger();

    /** A job's map attempts and their outputs, by map index. */
    record Produced(JobContext job, List<TaskAttemptId> attempts, List<MapOutput> outputs) {
        void registerAll(MapOutputRegistry registry) {
            for (int i = 0; i < outputs.size(); i++) {
                registry.register(attempts.get(i), outputs.get(i));
            }
        }
    }

    private MapOutputs() {
    }

    static Configuration jobConf(int reduces, boolean compress) {
        return Configuration.empty()
                .with(MapReduceConfigKeys.INPUT_FORMAT_CLASS, SeededInputFormat.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS, CollectingOutputFormat.class.getName())
                .with(MapReduceConfigKeys.REDUCER_CLASS, SumReducer.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_KEY_CLASS, Text.class.getName())
                .with(MapReduceConfigKeys.OUTPUT_VALUE_CLASS, LongValue.class.getName())
                .with(MapReduceConfigKeys.NUM_REDUCES, Integer.toString(reduces))
                .with(MapReduceConfigKeys.SORT_MB, "1")
                .with(MapReduceConfigKeys.SHUFFLE_MEMORY, "256k")
                .with(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS, Boolean.toString(compress));
    }

    static JobContext job(Configuration conf) {
        return new JobContext(new JobId("shuffletest", JOBS.incrementAndGet()), conf, MapOutputs.class.getClassLoader());
    }

    static TaskAttemptId attempt(JobId job, TaskType type, int index) {
        return new TaskAttemptId(new TaskId(job, type, index), 0);
    }

    /** Runs one real map task per split. */
    static Produced runMaps(JobContext job, List<SeededInputFormat.Split> splits, Path dir) throws IOException, InterruptedException {
        List<TaskAttemptId> attempts = new ArrayList<>();
        List<MapOutput> outputs = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            TaskAttemptContext attempt = new TaskAttemptContext(job, attempt(job.jobId(), TaskType.MAP, i));
            attempts.add(attempt.taskAttemptId());
            outputs.add(new MapTask(attempt, splits.get(i), dir.resolve("map" + i)).run());
        }
        return new Produced(job, attempts, outputs);
    }

    /** One map's output of random bytes: partition p holds {@code sizes[p]} bytes (the server never looks inside). */
    static Produced synthetic(Path dir, Random random, long... sizes) throws IOException {
        JobContext job = job(jobConf(sizes.length, false));
        Files.createDirectories(dir);
        Path data = dir.resolve("file.out");
        Path index = dir.resolve("file.out.index");
        List<IndexEntry> entries = new ArrayList<>();
        long offset = 0;
        try (var out = Files.newOutputStream(data)) {
            byte[] chunk = new byte[64 * 1024];
            for (long size : sizes) {
                entries.add(new IndexEntry(offset, size, size, 0));
                for (long left = size; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                offset += size;
            }
        }
        new MapOutputIndex("none", entries).write(index);
        return new Produced(job, List.of(attempt(job.jobId(), TaskType.MAP, 0)), List.of(new MapOutput(data, index)));
    }

    /** Everything a fetched segment's stream yields, checked against its stored length. */
    static byte[] readAll(FetchedSegment segment) throws IOException {
        try (InputStream in = segment.stream()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length != segment.storedLength()) {
                throw new AssertionError("segment of map " + segment.mapIndex() + " yielded " + bytes.length + " bytes, header said "
                        + segment.storedLength());
            }
            return bytes;
        }
    }

    static byte[] fetchAll(MapOutputFetcher fetcher, int map, int partition) throws IOException, InterruptedException {
        return readAll(fetcher.fetch(map, partition));
    }
}
