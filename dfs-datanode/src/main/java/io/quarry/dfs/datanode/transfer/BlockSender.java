package io.quarry.dfs.datanode.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.datanode.storage.ChecksumVerifier;
import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.datanode.storage.Replica;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.transfer.ClientReadStatus;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Serves one block read: checksum and data bytes go straight from the replica's files to the
 * socket as file regions, one packet at a time while the channel is writable, so a slow reader
 * never makes the DataNode buffer the block.
 */
final class BlockSender implements TransferOperation {
    private static final Logger LOG = LoggerFactory.getLogger(BlockSender.class);
    /** Larger than write packets: each read packet costs the reader a hand-off, not a pipeline round trip. */
    static final int PACKET_DATA_SIZE = 256 * 1024;

    private final ChannelHandlerContext ctx;
    private final TransferContext context;
    private final ReadBlockOp op;
    private final String peer;
    private Replica replica;
    private FileChannel data;
    private FileChannel meta;
    private int bytesPerChecksum;
    private long position;
    private long end;
    /** Checksum of a trailing partial chunk of a replica being written, computed from its data. */
    private int tailChecksum;
    private boolean tailChecksumComputed;
    private long seqno;
    private boolean started;
    private boolean lastSent;
    private boolean closed;

    BlockSender(ChannelHandlerContext ctx, TransferContext context, ReadBlockOp op) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.context = requireNonNull(context, "context is null");
        this.op = requireNonNull(op, "op is null");
        this.peer = String.valueOf(ctx.channel().remoteAddress());
    }

    void start() {
        context.diskExecutor().execute(this::open);
    }

    private void open() {
        ReadBlockResponse response;
        try {
            response = openReplica();
        } catch (IOException e) {
            LOG.warn("{}: cannot open {} for {}: {}", context.name(), op.block(), peer, e.toString());
            closeFiles();
            response = failure(TransferStatus.ERROR, "Cannot open " + op.block() + ": " + e.getMessage());
        }
        ReadBlockResponse answer = response;
        ctx.executor().execute(() -> respond(answer));
    }

    private ReadBlockResponse openReplica() throws IOException {
        Replica found = context.dataset().get(op.block().blockId());
        if (found == null) {
            return failure(TransferStatus.ERROR_NOT_FOUND, "Replica of " + op.block() + " not found on this DataNode");
        }
        if (found.isCorrupt()) {
            return failure(TransferStatus.ERROR, "Replica " + found + " is corrupt on this DataNode");
        }
        if (found.generationStamp() < op.block().generationStamp()) {
            return failure(TransferStatus.ERROR_STALE_GENERATION, "Replica " + found + " is older than the requested " + op.block());
        }
        long visible = found.visibleLength();
        if (op.offset() > visible) {
            return failure(TransferStatus.ERROR_INVALID, "Offset " + op.offset() + " is beyond the " + visible + " readable bytes of "
                    + op.block());
        }
        replica = found;
        bytesPerChecksum = found.bytesPerChecksum();
        position = op.offset() - op.offset() % bytesPerChecksum;
        long requestedEnd = op.length() > visible - op.offset() ? visible : op.offset() + op.length();
        // whole chunks only, so the reader can verify every checksum it gets
        long chunkEnd = (requestedEnd + bytesPerChecksum - 1) / bytesPerChecksum * bytesPerChecksum;
        end = Math.min(visible, chunkEnd);
        synchronized (found) {
            data = FileChannel.open(found.blockFile(), StandardOpenOption.READ);
            try {
                meta = FileChannel.open(found.metaFile(), StandardOpenOption.READ);
            } catch (IOException e) {
                closeFiles();
                throw e;
            }
        }
        if (found.state() == ReplicaState.RBW && end % bytesPerChecksum != 0) {
            long chunkStart = end - end % bytesPerChecksum;
            ByteBuffer chunk = ByteBuffer.allocate((int) (end - chunkStart));
            while (chunk.hasRemaining()) {
                if (data.read(chunk, chunkStart + chunk.position()) < 0) {
                    throw new IOException("replica " + found + " is shorter than its visible length " + end);
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(chunk.flip());
            tailChecksum = (int) crc.getValue();
            tailChecksumComputed = true;
        }
        return new ReadBlockResponse(TransferStatus.SUCCESS, "", bytesPerChecksum, position, visible);
    }

    private static ReadBlockResponse failure(TransferStatus status, String message) {
        return new ReadBlockResponse(status, message, 0, 0, 0);
    }

    private void respond(ReadBlockResponse response) {
        if (closed) {
            closeFiles();
            return;
        }
        if (response.status() != TransferStatus.SUCCESS) {
            LOG.info("{}: refusing read of {} at offset {} from {}: {}", context.name(), op.block(), op.offset(), peer, response.message());
            ctx.writeAndFlush(TransferFrames.encodeOp(ctx.alloc(), response)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        started = true;
        ctx.write(TransferFrames.encodeOp(ctx.alloc(), response), ctx.voidPromise());
        pump();
    }

    private void pump() {
        if (!started || lastSent || closed) {
            return;
        }
        while (ctx.channel().isWritable() && !lastSent) {
            sendPacket();
        }
        ctx.flush();
    }

    private void sendPacket() {
        int length = (int) Math.min(PACKET_DATA_SIZE - PACKET_DATA_SIZE % bytesPerChecksum, end - position);
        if (length <= 0) {
            ctx.write(TransferFrames.encodePacketHeader(ctx.alloc(), seqno++, position, 0, 0, Packet.FLAG_LAST), ctx.voidPromise());
            lastSent = true;
            context.metrics().blocksRead.inc();
            return;
        }
        int checksumLength = ChunkChecksums.checksumLength(length, bytesPerChecksum);
        ctx.write(TransferFrames.encodePacketHeader(ctx.alloc(), seqno++, position, checksumLength, length, 0), ctx.voidPromise());
        long checksumStart = MetaFile.checksumPosition(position, bytesPerChecksum);
        if (tailChecksumComputed && position + length == end) {
            if (checksumLength > ChunkChecksums.CHECKSUM_SIZE) {
                ctx.write(new SharedFileRegion(meta, checksumStart, checksumLength - ChunkChecksums.CHECKSUM_SIZE), ctx.voidPromise());
            }
            ByteBuf tail = ctx.alloc().buffer(ChunkChecksums.CHECKSUM_SIZE).writeInt(tailChecksum);
            ctx.write(tail, ctx.voidPromise());
        } else {
            ctx.write(new SharedFileRegion(meta, checksumStart, checksumLength), ctx.voidPromise());
        }
        ctx.write(new SharedFileRegion(data, position, length), ctx.voidPromise());
        position += length;
        context.metrics().bytesRead.add(length);
    }

    @Override
    public void onWritable() {
        pump();
    }

    @Override
    public void onMessage(Object message) {
        if (message instanceof Packet packet) {
            packet.release();
        }
        if (message instanceof TransferOp transferOp && transferOp.message() instanceof ClientReadStatus status) {
            if (status.status() == TransferStatus.ERROR_CHECKSUM && replica != null) {
                Replica suspect = replica;
                context.diskExecutor().execute(() -> verifyAfterClientError(suspect));
            }
        } else {
            LOG.warn("{}: reader {} of {} sent unexpected {}", context.name(), peer, op.block(), message);
        }
        ctx.close();
    }

    private void verifyAfterClientError(Replica suspect) {
        try {
            ChecksumVerifier.Result result = ChecksumVerifier.verify(suspect.blockFile(), suspect.metaFile(), null);
            if (result.badOffset() >= 0) {
                suspect.markCorrupt();
                context.metrics().corruptReplicas.inc();
                context.events().corrupt(suspect.toBlock(), "reader " + peer + " saw a checksum error; " + result.detail());
            } else {
                LOG.info("{}: reader {} reported a checksum error on {} but the replica verifies", context.name(), peer, suspect);
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot verify {} after a reader's checksum error", context.name(), suspect, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onInactive() {
        closed = true;
        closeFiles();
    }

    private void closeFiles() {
        try {
            if (data != null) {
                data.close();
            }
            if (meta != null) {
                meta.close();
            }
        } catch (IOException e) {
            LOG.debug("{}: closing files of {}", context.name(), op.block(), e);
        }
    }
}
