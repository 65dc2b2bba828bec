package io.quarry.mapreduce.input;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.FileSystemCounters;
import java.io.Closeable;
import java.io.IOException;

/**
 * The lines of one {@link FileSplit}, each read by exactly one split: a line belongs to the split
 * holding its first byte. So a split that does not start the file skips the partial line it
 * starts in (it belongs to the split before), and every split reads its last line to the end even
 * when that runs past the split. Counts the bytes read in the attempt's filesystem counters.
 */
final class SplitLineReader implements Closeable {
    static final int BUFFER_SIZE = 128 * 1024;

    private final FileSplit split;
    private final FileSystem fs;
    private final SeekableInputStream in;
    private final LineReader lines;
    private boolean done;
    private boolean compressed;

    SplitLineReader(FileSplit split, Configuration conf, Counters counters) throws IOException {
        this(split, conf, counters, BUFFER_SIZE);
    }

    SplitLineReader(FileSplit split, Configuration conf, Counters counters, int bufferSize) throws IOException {
        this.split = requireNonNull(split, "split is null");
        this.fs = FileSystem.get(split.path(), conf);
        SeekableInputStream opened = null;
        try {
            opened = fs.openSeekable(split.path());
            String scheme = split.path().scheme() != null ? split.path().scheme() : fs.uri().getScheme();
            var bytesRead = FileSystemCounters.bytesRead(counters, scheme);
            TextCompression compression = TextCompression.of(split.path());
            if (compression != null) {
                // A compressed file is one split, read whole; offsets count decompressed bytes.
                compressed = true;
                lines = new LineReader(new DecompressedInput(compression.decompress(opened)), 0, bufferSize, bytesRead);
            } else if (split.start() == 0) {
                lines = new LineReader(opened, 0, bufferSize, bytesRead);
            } else {
                // Start one byte early: if that byte ends a line, the split's first byte starts one.
                lines = new LineReader(opened, split.start() - 1, bufferSize, bytesRead);
                lines.skipLine();
            }
            in = opened;
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened, e);
            closeQuietly(fs, e);
            throw e;
        }
    }

    /** Reads the split's next line; false when the next line starts after the split. */
    boolean next() throws IOException {
        if (done || (!compressed && lines.nextOffset() >= split.end()) || !lines.readLine()) {
            done = true;
            return false;
        }
        return true;
    }

    byte[] lineBuffer() {
        return lines.lineBuffer();
    }

    int lineStart() {
        return lines.lineStart();
    }

    int lineLength() {
        return lines.lineLength();
    }

    long lineOffset() {
        return lines.lineOffset();
    }

    float progress() {
        if (done) {
            return 1f;
        }
        if (split.length() == 0) {
            return 0f;
        }
        long consumed = compressed ? compressedBytesRead() : lines.nextOffset() - split.start();
        return Math.min(1f, Math.max(0f, (float) consumed / split.length()));
    }

    private long compressedBytesRead() {
        try {
            return in.position();
        } catch (IOException e) {
            return 0;
        }
    }

    String position() {
        return split.path() + " at byte offset " + lines.lineOffset();
    }

    @Override
    public void close() throws IOException {
        done = true;
        try {
            in.close();
        } finally {
            fs.close();
        }
    }

    private static void closeQuietly(Closeable closeable, Exception primary) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException suppressed) {
            primary.addSuppressed(suppressed);
        }
    }
}
