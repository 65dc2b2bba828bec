package io.quarry.mapreduce.output;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.FileSystemCounters;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A new file an attempt writes, with the filesystem it lives on: counts the bytes written in the
 * attempt's filesystem counters and closes stream and filesystem together. Callers buffer; every
 * write goes straight to the stream.
 */
public final class OutputFile extends OutputStream {
    private final Path path;
    private final FileSystem fs;
    private final OutputStream out;
    private final Counter bytesWritten;
    private boolean closed;

    private OutputFile(Path path, FileSystem fs, OutputStream out, Counter bytesWritten) {
        this.path = path;
        this.fs = fs;
        this.out = out;
        this.bytesWritten = bytesWritten;
    }

    /** Creates {@code path}, which must not exist yet, and its missing parents. */
    public static OutputFile create(Path path, Configuration conf, Counters counters) throws IOException {
        requireNonNull(path, "path is null");
        FileSystem fs = FileSystem.get(path, conf);
        try {
            String scheme = path.scheme() != null ? path.scheme() : fs.uri().getScheme();
            return new OutputFile(path, fs, fs.create(path, false), FileSystemCounters.bytesWritten(counters, scheme));
        } catch (IOException | RuntimeException e) {
            try {
                fs.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        bytesWritten.increment();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        bytesWritten.increment(length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Makes the bytes durable, then releases the filesystem. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } finally {
            fs.close();
        }
    }
}
