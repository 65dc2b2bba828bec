package io.quarry.mapreduce.input;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.SeekableInputStream;
import io.quarry.mapreduce.Counter;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the lines of a file through one big reused buffer: a line ends at {@code '\n'}, and a
 * {@code '\r'} before it is dropped, so both Unix and Windows line ends work. The last line of a
 * file needs no line end. The current line is exposed as a slice of the buffer
 * ({@link #lineBuffer()}, {@link #lineStart()}, {@link #lineLength()}), valid until the next call;
 * nothing is allocated per line. A line longer than the buffer grows it. Not thread-safe.
 */
final class LineReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private final SeekableInputStream in;
    private final Counter bytesReadCounter;
    private byte[] buffer;
    private int pos;
    private int limit;
    private long bufferOffset;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private long lineOffset;

    /** Reads {@code in} from {@code offset}, counting the bytes read in {@code bytesReadCounter}. */
    LineReader(SeekableInputStream in, long offset, int bufferSize, Counter bytesReadCounter) throws IOException {
        this.in = requireNonNull(in, "in is null");
        this.bytesReadCounter = requireNonNull(bytesReadCounter, "bytesReadCounter is null");
        if (bufferSize < 1) {
            throw new IllegalArgumentException("line buffer size must be positive, got " + bufferSize);
        }
        this.buffer = new byte[bufferSize];
        this.bufferOffset = offset;
        in.seek(offset);
    }

    /** The file offset where the next line starts. */
    long nextOffset() {
        return bufferOffset + pos;
    }

    /** Moves past the next line end (or to the end of the file). */
    void skipLine() throws IOException {
        while (true) {
            int newline = indexOfNewline(buffer, pos, limit);
            if (newline >= 0) {
                pos = newline + 1;
                return;
            }
            pos = limit;
            if (!fill()) {
                return;
            }
        }
    }

    /** Reads the next line; false at the end of the file. */
    boolean readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            int newline = indexOfNewline(buffer, scanFrom, limit);
            if (newline >= 0) {
                int end = newline > pos && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                setLine(end);
                pos = newline + 1;
                return true;
            }
            int scanned = limit - pos;
            if (!fill()) {
                if (pos == limit) {
                    return false;
                }
                setLine(buffer[limit - 1] == '\r' ? limit - 1 : limit);
                pos = limit;
                return true;
            }
            scanFrom = pos + scanned;
        }
    }

    private void setLine(int end) {
        lineStart = pos;
        lineLength = end - pos;
        lineOffset = bufferOffset + pos;
    }

    byte[] lineBuffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    /** The file offset of the current line's first byte. */
    long lineOffset() {
        return lineOffset;
    }

    /**
     * Keeps the unread bytes, moved to the front of the buffer (grown if they fill it), and reads
     * more after them; false at the end of the file.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            byte[] grown = new byte[(int) Math.min(Integer.MAX_VALUE - 16, 2L * buffer.length)];
            if (grown.length == buffer.length) {
                throw new IOException("line at byte offset " + bufferOffset + " is longer than " + buffer.length + " bytes");
            }
            System.arraycopy(buffer, 0, grown, 0, limit);
            buffer = grown;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit += n;
        bytesReadCounter.increment(n);
        return true;
    }

    /** The index of the first {@code '\n'} in {@code bytes[from, to)}, or -1; eight bytes at a time. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
