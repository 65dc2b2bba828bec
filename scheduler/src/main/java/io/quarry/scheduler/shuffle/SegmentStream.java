package io.quarry.scheduler.shuffle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import static java.util.Objects.requireNonNull;

/**
 * One fetch as the reducer sees it: the response header, then the partition's bytes as an
 * {@link InputStream} fed by the buffers the event loop receives. At most about
 * {@code bufferBytes} wait here: past that the connection stops reading the socket (TCP then
 * holds back the server) and it resumes once the reader has drained half. Every buffer is
 * released exactly once: by the reader when consumed, or when the stream is closed or fails.
 * Closing the stream before its end abandons the connection.
 */
final class SegmentStream extends InputStream {
    /** Builds the exception of a failed fetch; status null for the connection's own failures. */
    interface FailureFactory {
        FetchFailedException failure(ShuffleStatus status, String detail, Throwable cause);
    }

    private final Channel channel;
    private final FailureFactory failures;
    private final long readTimeoutNanos;
    private final int highWater;
    private final int lowWater;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private ShuffleHeader header;
    private long buffered;
    /** The most ever buffered at once, to show the bound holds. */
    private long peakBuffered;
    private long received;
    private long consumed;
    private boolean paused;
    private boolean complete;
    private boolean closed;
    /** The reader gave up (timeout, interrupt, close): later buffers are released on arrival. */
    private boolean abandoned;
    private FetchFailedException failure;
    /** The failure came before any header: a reused connection that went stale may be retried. */
    private boolean failedBeforeHeader;

    SegmentStream(Channel channel, FailureFactory failures, long readTimeoutNanos, int bufferBytes) {
        this.channel = requireNonNull(channel, "channel is null");
        this.failures = requireNonNull(failures, "failures is null");
        this.readTimeoutNanos = readTimeoutNanos;
        this.highWater = bufferBytes;
        this.lowWater = bufferBytes / 2;
    }

    // Event loop side.

    void onHeader(ShuffleHeader received) {
        lock.lock();
        try {
            header = received;
            if (!received.isOk()) {
                complete = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void onChunk(ByteBuf chunk) {
        lock.lock();
        try {
            if (closed || abandoned || failure != null) {
                chunk.release();
                return;
            }
            chunks.add(chunk);
            int size = chunk.readableBytes();
            buffered += size;
            peakBuffered = Math.max(peakBuffered, buffered);
            received += size;
            if (buffered >= highWater && !paused) {
                paused = true;
                channel.config().setAutoRead(false);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The last byte arrived; the connection is free for the next fetch. */
    void onEnd() {
        lock.lock();
        try {
            complete = true;
            if (paused) {
                paused = false;
                channel.config().setAutoRead(true);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection failed; ignored once the segment is complete or the reader gave up. */
    void onFailure(String detail, Throwable cause) {
        lock.lock();
        try {
            if (complete || closed || abandoned || failure != null) {
                return;
            }
            failedBeforeHeader = header == null;
            String progress = header == null ? " before the response header"
                    : " after " + received + " of " + header.storedLength() + " bytes";
            failure = failures.failure(null, detail + progress, cause);
            releaseChunks();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // Reader side.

    /** Waits for the response header; a failure or a timeout closes the connection. */
    ShuffleHeader awaitHeader() throws FetchFailedException, InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = readTimeoutNanos;
            while (header == null && failure == null) {
                if (left <= 0) {
                    failure = failures.failure(null, "no answer within " + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms",
                            null);
                    break;
                }
                left = changed.awaitNanos(left);
            }
            if (failure != null) {
                throw failure;
            }
            return header;
        } catch (FetchFailedException | InterruptedException e) {
            abandonLocked();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    boolean failedBeforeHeader() {
        lock.lock();
        try {
            return failedBeforeHeader;
        } finally {
            lock.unlock();
        }
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
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading fetched map output");
        }
        try {
            long left = readTimeoutNanos;
            while (true) {
                if (closed) {
                    throw new IOException("fetched map output stream is closed");
                }
                if (failure != null) {
                    throw failure;
                }
                if (abandoned) {
                    throw new IOException("fetched map output stream was abandoned after an interrupt");
                }
                ByteBuf head = chunks.peek();
                if (head != null) {
                    int n = Math.min(len, head.readableBytes());
                    head.readBytes(b, off, n);
                    if (!head.isReadable()) {
                        chunks.poll().release();
                    }
                    buffered -= n;
                    consumed += n;
                    if (paused && buffered <= lowWater) {
                        paused = false;
                        channel.config().setAutoRead(true);
                    }
                    return n;
                }
                if (complete) {
                    return -1;
                }
                if (left <= 0) {
                    failure = failures.failure(null, "no bytes for " + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos)
                            + " ms after " + consumed + " of " + header.storedLength() + " bytes", null);
                    abandonLocked();
                    throw failure;
                }
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            abandonLocked();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading fetched map output");
        } finally {
            lock.unlock();
        }
    }

    long peakBuffered() {
        lock.lock();
        try {
            return peakBuffered;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, buffered);
        } finally {
            lock.unlock();
        }
    }

    /** Releases what is buffered; before the end of the segment this also closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                abandonLocked();
                closed = true;
            }
        } finally {
            lock.unlock();
        }
    }

    private void abandonLocked() {
        releaseChunks();
        if (!abandoned && !complete) {
            channel.close(); // the connection cannot be reused in the middle of a response
        }
        abandoned = true;
    }

    private void releaseChunks() {
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            chunk.release();
        }
        buffered = 0;
    }
}
