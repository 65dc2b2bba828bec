package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Fetches one map's segment for a reduce task and makes it mergeable: read in place when it is a
 * file on this machine, decoded into memory when the shuffle memory has room for it, copied (still
 * compressed) to the reducer's disk otherwise. Called from several fetch threads at once.
 */
final class SegmentCopier {
    private final MapOutputFetcher fetcher;
    private final int partition;
    private final Path workDir;
    private final ShuffleMemory memory;
    private final long maxInMemorySegment;

    /** One fetched segment: {@code source} is null when it holds no records; {@code memoryBytes} are reserved while it lives. */
    record Copied(int map, long storedLength, MergeSource source, long memoryBytes) {
    }

    SegmentCopier(MapOutputFetcher fetcher, int partition, Path workDir, ShuffleMemory memory) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.partition = partition;
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.maxInMemorySegment = Math.min(Integer.MAX_VALUE - 16, memory.limit() / 4);
    }

    Copied copy(int map) throws IOException, InterruptedException {
        FetchedSegment segment = fetcher.fetch(map, partition);
        String name = "map " + map + " partition " + partition;
        try (InputStream stored = segment.stream()) {
            CompressionCodec codec = Codecs.byName(segment.codec());
            long raw = segment.rawLength();
            long storedLength = segment.storedLength();
            if (stored instanceof FileRangeInputStream local) {
                // Map output on this machine's disk: merged straight from the map's file, nothing copied.
                return new Copied(map, storedLength, raw <= 1 ? null
                        : MergeSource.file(local.file(), new IndexEntry(local.offset(), raw, storedLength, 0), codec, false), 0);
            }
            if (raw <= maxInMemorySegment && memory.tryReserve(raw)) {
                try {
                    byte[] bytes = readRaw(stored, codec, (int) raw, name);
                    if (raw <= 1) {
                        memory.release(raw);
                        return new Copied(map, storedLength, null, 0); // only the end marker
                    }
                    return new Copied(map, storedLength, MergeSource.memory(bytes, bytes.length, name), raw);
                } catch (IOException | RuntimeException e) {
                    memory.release(raw);
                    throw e;
                }
            }
            Path file = workDir.resolve("shuffle-map" + map + ".out");
            long copied = Files.copy(stored, file);
            if (copied != storedLength) {
                Files.deleteIfExists(file);
                throw new EOFException("segment of " + name + " ended after " + copied + " of " + storedLength + " stored bytes");
            }
            return new Copied(map, storedLength, MergeSource.file(file, new IndexEntry(0, raw, copied, 0), codec, true), 0);
        }
    }

    private static byte[] readRaw(InputStream stored, CompressionCodec codec, int raw, String name) throws IOException {
        InputStream in = codec == Codecs.NONE ? stored : new BlockDecompressingInputStream(stored, codec, name);
        byte[] bytes = new byte[raw];
        int read = in.readNBytes(bytes, 0, raw);
        if (read != raw) {
            throw new EOFException("segment of " + name + " ended after " + read + " of " + raw + " raw bytes");
        }
        return bytes;
    }
}
