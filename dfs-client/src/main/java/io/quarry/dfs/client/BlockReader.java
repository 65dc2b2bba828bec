package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.ClientReadStatus;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;

/**
 * Reads a range of one replica: sends a {@link ReadBlockOp}, verifies every packet against its
 * checksums and copies the bytes straight into the caller's array.
 *
 * <p>The connection's I/O thread keeps reading on its own while fewer than {@link #HIGH_WATER}
 * packets wait, and pauses beyond that, so a slow reader holds the DataNode back. The reading
 * thread wakes the I/O thread only to resume a paused connection, once the queue is down to
 * {@link #LOW_WATER}: asking for each packet would cost a thread wake-up per packet.
 */
final class BlockReader implements TransferConnection.Listener {
    /** Packets queued (of up to 256 KiB) beyond which the I/O thread stops reading the socket. */
    static final int HIGH_WATER = 16;
    /** Packets left in the queue when the reading thread resumes a paused connection. */
    static final int LOW_WATER = 4;
    private static final Object CLOSED = new Object();

    private final DatanodeId node;
    private final Block block;
    private final long timeoutMillis;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    /** Set by the I/O thread when it stopped reading because the queue is full. */
    private final AtomicBoolean paused = new AtomicBoolean();
    private TransferConnection connection;
    private volatile Throwable closeCause;
    private Packet current;
    private long nextOffset;
    private long remaining;
    /** Bytes of the first packet before the requested offset (packets start at a chunk boundary). */
    private long skip;
    private int bytesPerChecksum;
    private boolean sawLast;
    private boolean aborted;

    private BlockReader(DatanodeId node, Block block, long timeoutMillis) {
        this.node = requireNonNull(node, "node is null");
        this.block = requireNonNull(block, "block is null");
        this.timeoutMillis = timeoutMillis;
    }

    /** Connects to {@code node} and asks for [offset, offset + length) of the block. */
    static BlockReader open(DataNodeConnector connector, DatanodeId node, Block block, long offset, long length,
                            String clientName, long timeoutMillis) throws ReplicaReadException {
        BlockReader reader = new BlockReader(node, block, timeoutMillis);
        try {
            reader.connection = connector.connect(node.transferAddress(), reader);
        } catch (IOException e) {
            throw new ReplicaReadException(e.getMessage(), false, e);
        }
        try {
            reader.connection.requestRead();
            reader.connection.sendOp(new ReadBlockOp(block, offset, length, clientName));
            Object first = reader.next();
            if (!(first instanceof TransferOp op) || !(op.message() instanceof ReadBlockResponse response)) {
                ReferenceCountUtil.release(first);
                throw new ReplicaReadException(node + ": expected a ReadBlockResponse, got " + first, false, null);
            }
            if (response.status() != TransferStatus.SUCCESS) {
                throw new ReplicaReadException(node + ": " + response.status() + " " + response.message(), false, null);
            }
            if (response.firstChunkOffset() > offset || response.bytesPerChecksum() <= 0) {
                throw new ReplicaReadException(node + ": answered a read at " + offset + " with first chunk at "
                        + response.firstChunkOffset() + " and " + response.bytesPerChecksum() + " bytes per checksum", false, null);
            }
            if (response.replicaLength() < offset + length) {
                throw new ReplicaReadException(node + ": replica holds " + response.replicaLength() + " bytes, fewer than the "
                        + (offset + length) + " needed", false, null);
            }
            reader.bytesPerChecksum = response.bytesPerChecksum();
            reader.nextOffset = response.firstChunkOffset();
            reader.remaining = length;
            reader.skip = offset - response.firstChunkOffset();
            return reader;
        } catch (ReplicaReadException e) {
            reader.abort();
            throw e;
        }
    }

    DatanodeId node() {
        return node;
    }

    /** Bytes of the requested range not yet returned. */
    long remaining() {
        return remaining;
    }

    /** Copies up to {@code length} bytes into {@code buffer}; returns 0 only when the range is done. */
    int read(byte[] buffer, int offset, int length) throws ReplicaReadException {
        if (remaining == 0 || length == 0) {
            return 0;
        }
        int copied = 0;
        // Fill the caller's array from every packet already here; wait only for the first one.
        while (copied < length && remaining > 0) {
            if (current == null || !current.data().isReadable()) {
                if (copied > 0 && inbox.isEmpty()) {
                    break;
                }
                nextPacket();
                continue;
            }
            ByteBuf data = current.data();
            int n = (int) Math.min(Math.min(length - copied, data.readableBytes()), remaining);
            data.readBytes(buffer, offset + copied, n);
            remaining -= n;
            copied += n;
        }
        return copied;
    }

    private void nextPacket() throws ReplicaReadException {
        if (current != null) {
            current.release();
            current = null;
        }
        Object frame = next();
        if (!(frame instanceof Packet packet)) {
            ReferenceCountUtil.release(frame);
            throw new ReplicaReadException(node + ": expected a packet at offset " + nextOffset + " of " + block + ", got " + frame, false, null);
        }
        current = packet;
        if (packet.offsetInBlock() != nextOffset) {
            throw new ReplicaReadException(node + ": sent a packet at offset " + packet.offsetInBlock() + " of " + block
                    + " while " + nextOffset + " was expected", false, null);
        }
        if (packet.isLast() && packet.dataLength() == 0) {
            sawLast = true;
            throw new ReplicaReadException(node + ": ended " + block + " at offset " + nextOffset + " with "
                    + remaining + " bytes still expected", false, null);
        }
        int mismatch = ChunkChecksums.firstMismatch(packet.data(), packet.checksums(), bytesPerChecksum);
        if (mismatch >= 0) {
            throw new ReplicaReadException(node + ": checksum mismatch in " + block + " at offset "
                    + (nextOffset + (long) mismatch * bytesPerChecksum) + " ("
                    + ChunkChecksums.describeMismatch(packet.data(), packet.checksums(), bytesPerChecksum, mismatch) + ")", true, null);
        }
        sawLast = packet.isLast();
        nextOffset += packet.dataLength();
        if (skip > 0) {
            int skipped = (int) Math.min(skip, packet.dataLength());
            packet.data().skipBytes(skipped);
            skip -= skipped;
        }
    }

    private Object next() throws ReplicaReadException {
        // No busy-wait: the I/O thread and the DataNode need the few cores more than this thread
        // needs a fast wake-up, and packets usually arrive several at a time.
        Object frame = inbox.poll();
        try {
            if (frame == null) {
                frame = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicaReadException(node + ": interrupted while reading " + block, false, e);
        }
        if (inbox.size() <= LOW_WATER && paused.compareAndSet(true, false)) {
            connection.requestRead();
        }
        if (frame == null) {
            throw new ReplicaReadException(node + ": no data for " + block + " within " + timeoutMillis + " ms", false, null);
        }
        if (frame == CLOSED) {
            inbox.offer(CLOSED);
            Throwable cause = closeCause;
            throw new ReplicaReadException(node + ": connection closed while reading " + block
                    + (cause == null ? "" : " (" + cause + ")"), false, cause);
        }
        return frame;
    }

    /** Ends a read whose range was fully returned: consumes the last packet and reports success. */
    void finish() {
        try {
            while (!sawLast) {
                nextPacket();
            }
            connection.sendOp(new ClientReadStatus(TransferStatus.SUCCESS));
        } catch (ReplicaReadException e) {
            // the bytes were verified already; the DataNode only misses our status
        } finally {
            abort();
        }
    }

    /** Tells the DataNode its replica is corrupt and closes. */
    void reportChecksumError() {
        try {
            connection.sendOp(new ClientReadStatus(TransferStatus.ERROR_CHECKSUM));
        } finally {
            abort();
        }
    }

    /** Closes the connection and frees buffered packets. */
    void abort() {
        if (current != null) {
            current.release();
            current = null;
        }
        if (connection != null) {
            connection.close();
        }
        synchronized (this) {
            aborted = true;
            drain();
        }
    }

    private void drain() {
        Object frame;
        while ((frame = inbox.poll()) != null) {
            if (frame != CLOSED) {
                ReferenceCountUtil.release(frame);
            }
        }
    }

    @Override
    public synchronized void onFrame(TransferConnection from, Object frame) {
        if (aborted) {
            ReferenceCountUtil.release(frame);
        } else {
            inbox.offer(frame);
        }
    }

    @Override
    public void onReadComplete(TransferConnection from) {
        if (inbox.size() < HIGH_WATER) {
            from.requestRead();
            return;
        }
        paused.set(true);
        // The reader may have emptied the queue between the check and the flag: look again.
        if (inbox.size() < HIGH_WATER && paused.compareAndSet(true, false)) {
            from.requestRead();
        }
    }

    @Override
    public void onClosed(TransferConnection from, Throwable cause) {
        closeCause = cause;
        inbox.offer(CLOSED);
    }
}
