package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reduce side of the shuffle: fetches this reducer's segment of every map. Segments on this
 * machine's disk (from {@link LocalMapOutputFetcher}) are merged in place; others are kept in
 * memory while they fit in {@code quarry.mapreduce.reduce.shuffle-memory} (merging them into one
 * sorted file when memory fills), copies segments larger than a quarter of it straight to disk,
 * and finally merges everything into one sorted stream. Memory use stays within the limit
 * whatever the data size; the limit is capped at a quarter of the heap so that a configuration
 * meant for a larger heap cannot exhaust this one.
 */
final class Shuffle {
    private static final Logger LOG = LoggerFactory.getLogger(Shuffle.class);

    private final TaskAttemptContext attempt;
    private final int numMaps;
    private final int partition;
    private final MapOutputFetcher fetcher;
    private final Path workDir;
    private final Merger merger;
    private final long memoryLimit;
    private final long maxInMemorySegment;
    private final Counter shuffleBytes;
    private final Counter shuffledMaps;
    private final List<MergeSource> inMemory = new ArrayList<>();
    private final List<MergeSource> onDisk = new ArrayList<>();
    private long memoryUsed;

    Shuffle(TaskAttemptContext attempt, int numMaps, MapOutputFetcher fetcher, Path workDir, Merger merger) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.numMaps = numMaps;
        this.partition = attempt.taskAttemptId().taskId().index();
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.merger = Objects.requireNonNull(merger, "merger");
        long configured = attempt.configuration().getSize(MapReduceConfigKeys.SHUFFLE_MEMORY);
        this.memoryLimit = Math.max(1, Math.min(configured, Runtime.getRuntime().maxMemory() / 4));
        this.maxInMemorySegment = Math.min(Integer.MAX_VALUE - 16, memoryLimit / 4);
        Counters counters = attempt.counters();
        this.shuffleBytes = counters.counter(TaskCounter.REDUCE_SHUFFLE_BYTES);
        this.shuffledMaps = counters.counter(TaskCounter.SHUFFLED_MAPS);
    }

    /** Fetches every map's segment and returns their merge; closing it removes temporary files. */
    RawRecordIterator run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            for (int map = 0; map < numMaps; map++) {
                fetch(map);
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
            for (MergeSource source : onDisk) {
                try {
                    source.release();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private void fetch(int map) throws IOException, InterruptedException {
        FetchedSegment segment = fetcher.fetch(map, partition);
        String name = "map " + map + " partition " + partition;
        try (InputStream stored = segment.stream()) {
            CompressionCodec codec = Codecs.byName(segment.codec());
            shuffleBytes.increment(segment.storedLength());
            shuffledMaps.increment();
            long raw = segment.rawLength();
            if (stored instanceof FileRangeInputStream local) {
                // Map output on this machine's disk: merged straight from the map's file, nothing copied.
                if (raw > 1) {
                    onDisk.add(MergeSource.file(local.file(),
                            new IndexEntry(local.offset(), raw, segment.storedLength(), 0), codec, false));
                }
            } else if (raw <= maxInMemorySegment) {
                InputStream in = codec == Codecs.NONE ? stored : new BlockDecompressingInputStream(stored, codec, name);
                byte[] bytes = new byte[(int) raw];
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read != raw) {
                    throw new EOFException("segment of " + name + " ended after " + read + " of " + raw + " raw bytes");
                }
                if (raw <= 1) {
                    return; // only the end marker: no records
                }
                if (memoryUsed + raw > memoryLimit) {
                    spillMemoryToDisk();
                }
                inMemory.add(MergeSource.memory(bytes, bytes.length, name));
                memoryUsed += raw;
            } else {
                Path file = workDir.resolve("shuffle-map" + map + ".out");
                long copied = Files.copy(stored, file);
                if (copied != segment.storedLength()) {
                    Files.deleteIfExists(file);
                    throw new EOFException("segment of " + name + " ended after " + copied + " of "
                            + segment.storedLength() + " stored bytes");
                }
                onDisk.add(MergeSource.file(file, new IndexEntry(0, raw, copied, 0), codec, true));
            }
        }
    }

    private void spillMemoryToDisk() throws IOException {
        if (inMemory.isEmpty()) {
            return;
        }
        List<MergeSource> batch = new ArrayList<>(inMemory);
        inMemory.clear();
        memoryUsed = 0;
        onDisk.add(merger.mergeToFile(batch));
    }
}
