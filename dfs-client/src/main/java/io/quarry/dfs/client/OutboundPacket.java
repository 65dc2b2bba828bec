package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.TransferFrames;

/**
 * A packet the writer has built and may have to send again after pipeline recovery: it keeps its
 * checksums and data until acknowledged, then {@link #release()} frees them.
 */
final class OutboundPacket {
    private final long seqno;
    private final long offsetInBlock;
    private final int flags;
    private final ByteBuf checksums;
    private final ByteBuf data;

    private OutboundPacket(long seqno, long offsetInBlock, int flags, ByteBuf checksums, ByteBuf data) {
        this.seqno = seqno;
        this.offsetInBlock = offsetInBlock;
        this.flags = flags;
        this.checksums = requireNonNull(checksums, "checksums is null");
        this.data = requireNonNull(data, "data is null");
    }

    /** A data packet over the readable bytes of {@code data} (ownership taken), with checksums computed from it. */
    static OutboundPacket data(ByteBufAllocator allocator, long seqno, long offsetInBlock, ByteBuf data, int bytesPerChecksum) {
        ByteBuf checksums = allocator.buffer(ChunkChecksums.checksumLength(data.readableBytes(), bytesPerChecksum));
        ChunkChecksums.compute(data, bytesPerChecksum, checksums);
        return new OutboundPacket(seqno, offsetInBlock, 0, checksums, data);
    }

    /** The empty packet that ends a block. */
    static OutboundPacket last(long seqno, long offsetInBlock) {
        return new OutboundPacket(seqno, offsetInBlock, Packet.FLAG_LAST, Unpooled.EMPTY_BUFFER, Unpooled.EMPTY_BUFFER);
    }

    long seqno() {
        return seqno;
    }

    long offsetInBlock() {
        return offsetInBlock;
    }

    int dataLength() {
        return data.readableBytes();
    }

    boolean isLast() {
        return (flags & Packet.FLAG_LAST) != 0;
    }

    /** The frame to send; the packet keeps its own references, so it can be sent again. */
    ByteBuf encode(ByteBufAllocator allocator) {
        ByteBuf header = TransferFrames.encodePacketHeader(allocator, seqno, offsetInBlock, checksums.readableBytes(),
                data.readableBytes(), flags);
        return Unpooled.wrappedUnmodifiableBuffer(header, checksums.retainedDuplicate(), data.retainedDuplicate());
    }

    void release() {
        checksums.release();
        data.release();
    }

    @Override
    public String toString() {
        return "packet " + seqno + " at " + offsetInBlock + " (" + data.readableBytes() + " bytes" + (isLast() ? ", last" : "") + ")";
    }
}
