package io.quarry.mapreduce.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes {@code [offset, offset + length)} of a local file, read with positional reads. */
final class FileRangeInputStream extends InputStream {
    private final Path file;
    private final long offset;
    private final FileChannel channel;
    private long position;
    private final long end;

    FileRangeInputStream(Path file, long offset, long length) throws IOException {
        this.file = file;
        this.offset = offset;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = offset;
        this.end = offset + length;
    }

    /** The file read, so that a reader on the same machine can use it in place. */
    Path file() {
        return file;
    }

    /** Where the range starts in the file. */
    long offset() {
        return offset;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long left = end - position;
        if (left <= 0) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), position);
        if (n < 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
