package io.quarry.dfs.protocol.transfer;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.quarry.common.codec.KryoCodec;

/**
 * The frame layout of data transfer connections, shared by DataNodes and clients:
 * {@code [int length][byte type][body]}.
 * <ul>
 *   <li>OP: body is one Kryo-encoded record.</li>
 *   <li>PACKET: {@code [long seqno][long offsetInBlock][int checksumLength][int dataLength][byte flags]}
 *       then the checksums, then the data.</li>
 *   <li>ACK: {@code [long seqno][byte count][count status codes]}.</li>
 * </ul>
 * Packets are binary rather than Kryo so bulk bytes are never copied through a serializer, and a
 * DataNode can send the checksums and data of a read straight from its files.
 */
public final class TransferFrames {
    /** Hard upper bound of one frame on a transfer connection. */
    public static final int MAX_FRAME_SIZE = 16 << 20;
    /** Bytes of a packet frame before its checksums, including the length prefix. */
    public static final int PACKET_HEADER_SIZE = 4 + 1 + 8 + 8 + 4 + 4 + 1;

    private TransferFrames() {
    }

    public static LengthFieldBasedFrameDecoder frameDecoder() {
        return new LengthFieldBasedFrameDecoder(MAX_FRAME_SIZE, 0, 4, 0, 4, true);
    }

    /** An OP frame, length prefix included. */
    public static ByteBuf encodeOp(ByteBufAllocator allocator, Object message) {
        byte[] body = KryoCodec.shared().encode(message);
        ByteBuf frame = allocator.buffer(4 + 1 + body.length);
        frame.writeInt(1 + body.length);
        frame.writeByte(FrameType.OP.code());
        frame.writeBytes(body);
        return frame;
    }

    /**
     * The header of a PACKET frame, length prefix included; the caller sends
     * {@code checksumLength} bytes of checksums and {@code dataLength} bytes of data right after.
     */
    public static ByteBuf encodePacketHeader(ByteBufAllocator allocator, long seqno, long offsetInBlock,
                                             int checksumLength, int dataLength, int flags) {
        ByteBuf header = allocator.buffer(PACKET_HEADER_SIZE);
        header.writeInt(PACKET_HEADER_SIZE - 4 + checksumLength + dataLength);
        header.writeByte(FrameType.PACKET.code());
        header.writeLong(seqno);
        header.writeLong(offsetInBlock);
        header.writeInt(checksumLength);
        header.writeInt(dataLength);
        header.writeByte(flags);
        return header;
    }

    /** A whole PACKET frame; takes ownership of {@code checksums} and {@code data}. */
    public static ByteBuf encodePacket(ByteBufAllocator allocator, long seqno, long offsetInBlock, int flags,
                                       ByteBuf checksums, ByteBuf data) {
        ByteBuf header = encodePacketHeader(allocator, seqno, offsetInBlock, checksums.readableBytes(), data.readableBytes(), flags);
        return Unpooled.wrappedUnmodifiableBuffer(header, checksums, data);
    }

    /** An ACK frame, length prefix included. */
    public static ByteBuf encodeAck(ByteBufAllocator allocator, PipelineAck ack) {
        ByteBuf frame = allocator.buffer(4 + 1 + 8 + 1 + ack.statuses().size());
        frame.writeInt(1 + 8 + 1 + ack.statuses().size());
        frame.writeByte(FrameType.ACK.code());
        frame.writeLong(ack.seqno());
        frame.writeByte(ack.statuses().size());
        for (TransferStatus status : ack.statuses()) {
            frame.writeByte(status.code());
        }
        return frame;
    }

    /**
     * Decodes one frame (without its length prefix) into a {@link TransferOp}, {@link Packet} or
     * {@link PipelineAck}. Packets keep a reference to the frame; other results do not.
     *
     * @throws CorruptedFrameException when the frame is malformed, naming what is wrong
     */
    public static Object decode(ByteBuf frame) {
        if (!frame.isReadable()) {
            throw new CorruptedFrameException("empty transfer frame");
        }
        byte typeCode = frame.readByte();
        FrameType type = FrameType.fromCode(typeCode);
        if (type == null) {
            throw new CorruptedFrameException("unknown transfer frame type " + typeCode);
        }
        switch (type) {
            case OP:
                try {
                    return new TransferOp(KryoCodec.shared().decode(ByteBufUtil.getBytes(frame)));
                } catch (RuntimeException e) {
                    throw new CorruptedFrameException("malformed op frame: " + e.getMessage(), e);
                }
            case PACKET:
                return decodePacket(frame);
            case ACK:
                return decodeAck(frame);
            default:
                throw new AssertionError(type);
        }
    }

    private static Packet decodePacket(ByteBuf frame) {
        if (frame.readableBytes() < 8 + 8 + 4 + 4 + 1) {
            throw new CorruptedFrameException("packet frame of " + frame.readableBytes() + " bytes is shorter than a packet header");
        }
        long seqno = frame.readLong();
        long offset = frame.readLong();
        int checksumLength = frame.readInt();
        int dataLength = frame.readInt();
        int flags = frame.readUnsignedByte();
        if (checksumLength < 0 || dataLength < 0 || (long) checksumLength + dataLength != frame.readableBytes()) {
            throw new CorruptedFrameException("packet " + seqno + " declares " + checksumLength + " checksum bytes and "
                    + dataLength + " data bytes but carries " + frame.readableBytes());
        }
        if (offset < 0) {
            throw new CorruptedFrameException("packet " + seqno + " has negative offset " + offset);
        }
        ByteBuf checksums = frame.slice(frame.readerIndex(), checksumLength);
        ByteBuf data = frame.slice(frame.readerIndex() + checksumLength, dataLength);
        return new Packet(seqno, offset, flags, frame.retain(), checksums, data);
    }

    private static PipelineAck decodeAck(ByteBuf frame) {
        if (frame.readableBytes() < 9) {
            throw new CorruptedFrameException("ack frame of " + frame.readableBytes() + " bytes is too short");
        }
        long seqno = frame.readLong();
        int count = frame.readUnsignedByte();
        if (frame.readableBytes() != count) {
            throw new CorruptedFrameException("ack " + seqno + " declares " + count + " statuses but carries " + frame.readableBytes());
        }
        List<TransferStatus> statuses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            statuses.add(TransferStatus.fromCode(frame.readByte()));
        }
        return new PipelineAck(seqno, statuses);
    }
}
