package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Merges sorted segments, at most {@code factor} at once: while more remain, the smallest are
 * merged into a temporary file in {@code tmpDir} (the first pass sized, as Hadoop does, so that
 * every later pass is a full one), then the rest are merged as a stream.
 */
final class Merger {
    private final RawComparator comparator;
    private final int factor;
    private final Path tmpDir;
    private final String filePrefix;
    private final CompressionCodec codec;
    private final Counter spilledRecords;
    private int files;

    Merger(RawComparator comparator, int factor, Path tmpDir, String filePrefix, CompressionCodec codec,
            Counter spilledRecords) {
        if (factor < 2) {
            throw new IllegalArgumentException("merge factor must be at least 2, got " + factor);
        }
        this.comparator = Objects.requireNonNull(comparator, "comparator");
        this.factor = factor;
        this.tmpDir = Objects.requireNonNull(tmpDir, "tmpDir");
        this.filePrefix = Objects.requireNonNull(filePrefix, "filePrefix");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.spilledRecords = Objects.requireNonNull(spilledRecords, "spilledRecords");
    }

    /** The records of all {@code sources} in order; closing it releases the sources. */
    RawRecordIterator merge(List<MergeSource> sources) throws IOException {
        List<MergeSource> pending = new ArrayList<>(sources);
        boolean first = true;
        try {
            while (pending.size() > factor) {
                pending.sort(Comparator.comparingLong(MergeSource::rawLength));
                int n = first ? firstPassFactor(pending.size()) : factor;
                first = false;
                List<MergeSource> batch = new ArrayList<>(pending.subList(0, n));
                pending.subList(0, n).clear();
                pending.add(mergeToFile(batch));
            }
        } catch (IOException | RuntimeException e) {
            releaseAll(pending, e);
            throw e;
        }
        return open(pending);
    }

    /** Writes the merge of {@code sources} as one segment of a new temporary file. */
    MergeSource mergeToFile(List<MergeSource> sources) throws IOException {
        Path file = tmpDir.resolve(filePrefix + "-merge" + files++ + ".out");
        IndexEntry entry;
        try (SegmentWriter writer = new SegmentWriter(file, codec); RawRecordIterator merged = open(sources)) {
            while (merged.next()) {
                writer.append(merged.keyBytes(), merged.keyOffset(), merged.keyLength(),
                        merged.valueBytes(), merged.valueOffset(), merged.valueLength());
            }
            entry = writer.finishSegment();
            spilledRecords.increment(writer.records());
        }
        return MergeSource.file(file, entry, codec, true);
    }

    private int firstPassFactor(int segments) {
        int mod = (segments - 1) % (factor - 1);
        return mod == 0 ? factor : mod + 1;
    }

    private RawRecordIterator open(List<MergeSource> sources) throws IOException {
        List<RawRecordIterator> opened = new ArrayList<>(sources.size());
        try {
            for (MergeSource source : sources) {
                opened.add(source.open());
            }
            return new MergeQueue(opened, comparator, () -> releaseAll(sources, null));
        } catch (IOException | RuntimeException e) {
            for (RawRecordIterator it : opened) {
                try {
                    it.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            releaseAll(sources, e);
            throw e;
        }
    }

    private static void releaseAll(List<MergeSource> sources, Exception primary) throws IOException {
        IOException failure = null;
        for (MergeSource source : sources) {
            try {
                source.release();
            } catch (IOException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
