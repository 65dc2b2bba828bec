package io.quarry.dfs.datanode.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.checksum.ChunkChecksums;

import static java.util.Objects.requireNonNull;

/**
 * Writes packets into an RBW replica's block and checksum files with positional FileChannel
 * writes. A packet that starts mid-chunk (after recovery or a flushed partial chunk) has the
 * checksum of its first chunk recomputed over the bytes already on disk plus the new ones.
 */
public final class ReplicaWriter implements Closeable {
    private final Replica replica;
    private final FileChannel data;
    private final FileChannel meta;
    private final int bytesPerChecksum;
    private static final long SYNC_BEHIND_BYTES = 8L << 20;

    private boolean closed;
    private long unsyncedBytes;
    private final java.util.concurrent.atomic.AtomicBoolean syncBehindRunning = new java.util.concurrent.atomic.AtomicBoolean();
    private Runnable stopper = () -> { };

    ReplicaWriter(Replica replica) throws IOException {
        this.replica = requireNonNull(replica, "replica is null");
        this.bytesPerChecksum = replica.bytesPerChecksum();
        this.data = FileChannel.open(replica.blockFile(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileChannel metaChannel;
        try {
            metaChannel = FileChannel.open(replica.metaFile(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            data.close();
            throw e;
        }
        this.meta = metaChannel;
    }

    public Replica replica() {
        return replica;
    }

    /**
     * Writes {@code length} bytes at {@code offset}; the checksums are the packet's, one per chunk of
     * the packet's data counted from its first byte. The stream continues at {@code offset}: bytes
     * after the packet's end are dropped.
     */
    public void write(long offset, ByteBuf checksums, ByteBuf bytes) throws IOException {
        long onDisk = replica.bytesOnDisk();
        if (offset > onDisk) {
            throw new IOException("Packet at offset " + offset + " of blk_" + replica.blockId()
                    + " leaves a gap: the replica holds " + onDisk + " bytes");
        }
        int length = bytes.readableBytes();
        if (length == 0) {
            return;
        }
        int partial = (int) (offset % bytesPerChecksum);
        writeFully(data, bytes.nioBuffer(), offset);
        if (partial == 0) {
            writeFully(meta, checksums.nioBuffer(), MetaFile.checksumPosition(offset, bytesPerChecksum));
        } else {
            writeRealignedChecksums(offset, partial, bytes);
        }
        long end = offset + length;
        if (end < onDisk) {
            data.truncate(end);
            meta.truncate(MetaFile.length(end, bytesPerChecksum));
        }
        replica.setBytesOnDisk(end);
    }

    private void writeRealignedChecksums(long offset, int partial, ByteBuf bytes) throws IOException {
        long chunkStart = offset - partial;
        ByteBuffer prefix = ByteBuffer.allocate(partial);
        while (prefix.hasRemaining()) {
            if (data.read(prefix, chunkStart + prefix.position()) < 0) {
                throw new IOException("blk_" + replica.blockId() + " ends before offset " + offset);
            }
        }
        prefix.flip();
        CompositeByteBuf aligned = ByteBufAllocator.DEFAULT.compositeBuffer(2);
        ByteBuf checksums = ByteBufAllocator.DEFAULT.heapBuffer(ChunkChecksums.checksumLength(partial + bytes.readableBytes(), bytesPerChecksum));
        try {
            aligned.addComponents(true, Unpooled.wrappedBuffer(prefix), bytes.retainedSlice());
            ChunkChecksums.compute(aligned, bytesPerChecksum, checksums);
            writeFully(meta, checksums.nioBuffer(), MetaFile.checksumPosition(chunkStart, bytesPerChecksum));
        } finally {
            aligned.release();
            checksums.release();
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /**
     * Starts writing dirty pages back in the background every few megabytes, so the fsync at
     * finalize finds little left to do and the disk stays busy while the block streams in.
     */
    public void syncBehind(java.util.concurrent.Executor executor, int written) {
        unsyncedBytes += written;
        if (unsyncedBytes < SYNC_BEHIND_BYTES || !syncBehindRunning.compareAndSet(false, true)) {
            return;
        }
        unsyncedBytes = 0;
        try {
            executor.execute(() -> {
                try {
                    data.force(false);
                } catch (IOException e) {
                    // closed meanwhile, or the final sync will report the problem
                } finally {
                    syncBehindRunning.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            syncBehindRunning.set(false);
        }
    }

    /** Forces data and checksums to disk. */
    public void sync() throws IOException {
        data.force(false);
        meta.force(false);
    }

    /** What stops the writer's connection when another operation takes the replica over. */
    public synchronized void onStop(Runnable stopper) {
        this.stopper = requireNonNull(stopper, "stopper is null");
    }

    /** Asks the writer to stop and waits up to {@code timeoutMillis} for it to close; then closes it. */
    void stopAndAwait(long timeoutMillis) throws IOException {
        Runnable stop;
        synchronized (this) {
            stop = stopper;
        }
        stop.run();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (this) {
            while (!closed) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (remaining <= 0) {
                    break;
                }
                try {
                    wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
    }

    public boolean isClosed() {
        synchronized (this) {
            return closed;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        try {
            data.close();
        } finally {
            meta.close();
            replica.clearWriter(this);
        }
    }
}
