package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reduce side of the shuffle: fetches this reducer's segment of every map, up to
 * {@code mapreduce.reduce.shuffle.parallelcopies} at once (see {@link SegmentCopier} for where
 * each lands), merges the segments held in memory into one sorted file once they fill two thirds
 * of {@code quarry.mapreduce.reduce.shuffle-memory}, and finally merges everything into one sorted
 * stream. Memory use stays within the limit whatever the data size; the limit is capped at a
 * quarter of the heap so that a configuration meant for a larger heap cannot exhaust this one.
 */
final class Shuffle {
    private static final Logger LOG = LoggerFactory.getLogger(Shuffle.class);

    private final TaskAttemptContext attempt;
    private final int numMaps;
    private final Merger merger;
    private final ShuffleMemory memory;
    private final SegmentCopier copier;
    private final int parallelCopies;
    private final long mergeThreshold;
    private final Counter shuffleBytes;
    private final Counter shuffledMaps;
    private final List<MergeSource> inMemory = new ArrayList<>();
    private final List<MergeSource> onDisk = new ArrayList<>();
    private long heldInMemory;
    private long rawBytes;

    Shuffle(TaskAttemptContext attempt, int numMaps, MapOutputFetcher fetcher, Path workDir, Merger merger) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.numMaps = numMaps;
        this.merger = Objects.requireNonNull(merger, "merger");
        long configured = attempt.configuration().getSize(MapReduceConfigKeys.SHUFFLE_MEMORY);
        this.memory = new ShuffleMemory(Math.max(1, Math.min(configured, Runtime.getRuntime().maxMemory() / 4)));
        this.mergeThreshold = memory.limit() * 2 / 3;
        this.copier = new SegmentCopier(fetcher, attempt.taskAttemptId().taskId().index(), workDir, memory);
        this.parallelCopies = Math.max(1, Math.min(numMaps,
                attempt.configuration().getInt(MapReduceConfigKeys.SHUFFLE_PARALLEL_COPIES)));
        this.shuffleBytes = attempt.counters().counter(TaskCounter.REDUCE_SHUFFLE_BYTES);
        this.shuffledMaps = attempt.counters().counter(TaskCounter.SHUFFLED_MAPS);
    }

    /** Fetches every map's segment and returns their merge; closing it removes temporary files. */
    RawRecordIterator run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        ExecutorService pool = fetchPool();
        List<Future<SegmentCopier.Copied>> copies = new ArrayList<>(numMaps);
        try {
            for (int map = 0; map < numMaps; map++) {
                int m = map;
                copies.add(pool.submit(() -> copier.copy(m)));
            }
            for (int map = 0; map < numMaps; map++) {
                accept(await(copies.get(map)));
                attempt.setProgress((map + 1f) / numMaps / 3f);
            }
            List<MergeSource> all = new ArrayList<>(onDisk);
            all.addAll(inMemory);
            LOG.info("{}: shuffled {} maps, {} bytes, in {} ms; merging {} segments in memory and {} on disk",
                    attempt.taskAttemptId(), numMaps, shuffleBytes.value(), (System.nanoTime() - start) / 1_000_000,
                    inMemory.size(), onDisk.size());
            inMemory.clear();
            onDisk.clear();
            return merger.merge(all);
        } catch (IOException | RuntimeException | InterruptedException e) {
            pool.shutdownNow();
            releaseAfterFailure(copies, e);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private ExecutorService fetchPool() {
        String prefix = "shuffle-fetch-" + attempt.taskAttemptId() + "-";
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(parallelCopies, r -> {
            Thread t = new Thread(r, prefix + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static SegmentCopier.Copied await(Future<SegmentCopier.Copied> copy) throws IOException, InterruptedException {
        return Futures.await(copy, "fetching map output");
    }

    /** Raw bytes of all segments fetched, known once {@link #run} returned. */
    long rawBytes() {
        return rawBytes;
    }

    private void accept(SegmentCopier.Copied copied) throws IOException {
        shuffleBytes.increment(copied.storedLength());
        shuffledMaps.increment();
        if (copied.source() == null) {
            return;
        }
        rawBytes += copied.source().rawLength();
        if (copied.memoryBytes() == 0) {
            onDisk.add(copied.source());
            return;
        }
        inMemory.add(copied.source());
        heldInMemory += copied.memoryBytes();
        if (heldInMemory >= mergeThreshold) {
            List<MergeSource> batch = new ArrayList<>(inMemory);
            inMemory.clear();
            onDisk.add(merger.mergeToFile(batch));
            memory.release(heldInMemory);
            heldInMemory = 0;
        }
    }

    /** Removes the temporary files of what was fetched before the failure. */
    private void releaseAfterFailure(List<Future<SegmentCopier.Copied>> copies, Exception failure) {
        List<MergeSource> leftovers = new ArrayList<>(onDisk);
        for (Future<SegmentCopier.Copied> copy : copies) {
            if (copy.isDone() && !copy.isCancelled()) {
                try {
                    SegmentCopier.Copied copied = copy.get();
                    if (copied.source() != null && copied.memoryBytes() == 0 && !onDisk.contains(copied.source())) {
                        leftovers.add(copied.source());
                    }
                } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
                    // that copy failed or was stopped: nothing of it to release
                }
            }
        }
        for (MergeSource source : leftovers) {
            try {
                source.release();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }
}
