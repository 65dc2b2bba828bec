package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.rpc.Ack;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.client.AbandonBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;

/**
 * Writes a QFS file: bytes go straight into a pooled packet buffer, each full packet gets its
 * CRC32C checksums and goes down the current block's pipeline; at the block size the block ends
 * with a last packet and the next block is allocated. {@link #close()} returns once every replica
 * of the last block has acknowledged (and fsynced) and the NameNode has closed the file.
 */
final class QfsOutputStream extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(QfsOutputStream.class);
    private static final long COMPLETE_TIMEOUT_MILLIS = 30_000;

    private final WriteContext context;
    private final String path;
    private final long fileId;
    private final long blockSize;
    private final Runnable onClose;
    private ByteBuf buffer;
    private BlockPipeline pipeline;
    private Block previous;
    private long bytesInBlock;
    private long seqno;
    private boolean closed;
    private IOException failed;
    /** DataNodes this stream failed to set up a pipeline with; the NameNode is asked to avoid them for later blocks too. */
    private final List<String> excluded = new ArrayList<>();

    QfsOutputStream(WriteContext context, String path, long fileId, long blockSize, Runnable onClose) {
        this.context = requireNonNull(context, "context is null");
        this.path = requireNonNull(path, "path is null");
        this.fileId = fileId;
        this.blockSize = blockSize;
        this.onClose = requireNonNull(onClose, "onClose is null");
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size of " + path + " must be positive, got " + blockSize);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureOpen();
        try {
            while (length > 0) {
                if (buffer == null) {
                    int capacity = (int) Math.min(context.settings().packetSize(), blockSize - bytesInBlock);
                    buffer = context.allocator().directBuffer(capacity, capacity);
                }
                int n = Math.min(length, buffer.writableBytes());
                buffer.writeBytes(bytes, offset, n);
                offset += n;
                length -= n;
                if (!buffer.isWritable()) {
                    sendBuffer();
                }
            }
        } catch (IOException | RuntimeException e) {
            failed = e instanceof IOException io ? io : new IOException("Write to " + path + " failed", e);
            releaseResources();
            throw e;
        }
    }

    /** Frees the packet buffer and every unacknowledged packet. */
    private void releaseResources() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    private void sendBuffer() throws IOException {
        if (pipeline == null) {
            pipeline = allocateBlock();
        }
        ByteBuf data = buffer;
        buffer = null;
        int length = data.readableBytes();
        OutboundPacket packet = OutboundPacket.data(context.allocator(), seqno++, bytesInBlock, data, context.settings().bytesPerChecksum());
        bytesInBlock += length;
        pipeline.send(packet);
        if (bytesInBlock == blockSize) {
            endBlock();
        }
    }

    private void endBlock() throws IOException {
        pipeline.send(OutboundPacket.last(seqno++, bytesInBlock));
        pipeline.awaitAcks();
        previous = pipeline.block().withNumBytes(bytesInBlock);
        for (DatanodeId node : pipeline.droppedNodes()) {
            if (!excluded.contains(node.uuid())) {
                excluded.add(node.uuid());
            }
        }
        pipeline.close();
        pipeline = null;
        bytesInBlock = 0;
        seqno = 0;
    }

    private BlockPipeline allocateBlock() throws IOException {
        List<String> errors = new ArrayList<>();
        int attempts = context.settings().blockWriteRetries();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            LocatedBlock located = addBlock();
            try {
                return BlockPipeline.create(context, path, located);
            } catch (PipelineSetupException e) {
                errors.add(e.getMessage());
                int bad = Math.min(e.badNodeIndex(), located.locations().size() - 1);
                String uuid = located.locations().get(bad).uuid();
                if (!excluded.contains(uuid)) {
                    excluded.add(uuid);
                }
                LOG.warn("Abandoning {} of {}: {}", located.block(), path, e.getMessage());
                context.nameNode().call(new AbandonBlock(located.block(), path, fileId, context.clientName()), Ack.class);
            }
        }
        throw new IOException("Cannot set up a pipeline for a new block of " + path + " after " + attempts + " attempts: "
                + String.join("; ", errors));
    }

    private LocatedBlock addBlock() throws IOException {
        Backoff backoff = new Backoff(context.clock(), COMPLETE_TIMEOUT_MILLIS);
        while (true) {
            try {
                return context.nameNode().call(new AddBlock(path, fileId, context.clientName(), previous, excluded,
                        context.clientHost()), LocatedBlock.class);
            } catch (QuarryException e) {
                if (e.code() != ErrorCode.NOT_REPLICATED_YET || !backoff.pause()) {
                    throw e;
                }
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        ensureOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failed != null) {
                throw new IOException("Cannot close " + path + ": an earlier write failed: " + failed.getMessage(), failed);
            }
            if (buffer != null && buffer.isReadable()) {
                sendBuffer();
            }
            if (pipeline != null) {
                endBlock();
            }
            complete();
        } finally {
            releaseResources();
            onClose.run();
        }
    }

    private void complete() throws IOException {
        Backoff backoff = new Backoff(context.clock(), COMPLETE_TIMEOUT_MILLIS);
        while (true) {
            CompleteReply reply;
            try {
                reply = context.nameNode().call(new Complete(path, fileId, context.clientName(), previous), CompleteReply.class);
            } catch (QuarryException e) {
                if (e.code() != ErrorCode.NOT_REPLICATED_YET || !backoff.pause()) {
                    throw e;
                }
                continue;
            }
            if (reply.completed()) {
                return;
            }
            if (!backoff.pause()) {
                throw new IOException("Cannot close " + path + ": the NameNode did not accept " + previous
                        + " as complete within " + COMPLETE_TIMEOUT_MILLIS + " ms (too few replicas reported)");
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream for " + path + " is closed");
        }
        if (failed != null) {
            throw new IOException("Stream for " + path + " failed earlier: " + failed.getMessage(), failed);
        }
    }
}
