package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.ClientReadStatus;
import io.quarry.dfs.protocol.transfer.FrameType;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferStatus;

/**
 * Reads a range of one replica on the calling thread: sends a {@link ReadBlockOp}, then takes
 * each packet straight from the socket into one direct buffer, verifies its CRC32C chunks there
 * and copies the bytes into the caller's array.
 *
 * <p>No other thread is involved: the kernel's socket buffers hold the packets the DataNode sends
 * ahead, so the DataNode's {@code sendfile} and this thread's checksums and copy overlap without
 * a hand-off per packet (an event-loop thread receiving packets for this one cost a third busy
 * thread and a wake-up per packet).
 */
final class BlockReader extends BufferedReplicaReader {
    /** Bytes of a packet header after the length prefix: type, seqno, offset, checksum length, data length, flags. */
    private static final int PACKET_HEADER_BODY = TransferFrames.PACKET_HEADER_SIZE - 4;
    /** Largest packet data this reader expects; the DataNode sends 256 KiB. */
    private static final int INITIAL_DATA_CAPACITY = 256 * 1024;

    private final Block block;
    private final BlockSocket socket;
    private final ByteBufAllocator allocator;
    private final ByteBuffer header = ByteBuffer.allocateDirect(4 + PACKET_HEADER_BODY);
    private final CRC32C crc = new CRC32C();
    private ByteBuf dataBuf;
    private ByteBuffer checksums = ByteBuffer.allocate(4 * (INITIAL_DATA_CAPACITY / 512));
    private long nextOffset;
    private long nextSeqno;
    /** Bytes of the first packet before the requested offset (packets start at a chunk boundary). */
    private long skip;
    private int bytesPerChecksum;
    private boolean sawLast;
    private boolean closed;

    private BlockReader(DatanodeId node, Block block, BlockSocket socket, ByteBufAllocator allocator) {
        super(node);
        this.block = requireNonNull(block, "block is null");
        this.socket = requireNonNull(socket, "socket is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /**
     * Connects to {@code node} and asks for [offset, offset + length) of the block; a positive
     * {@code receiveBuffer} fixes the socket's receive buffer.
     */
    static BlockReader open(ByteBufAllocator allocator, DatanodeId node, Block block, long offset, long length,
                            String clientName, long timeoutMillis, int receiveBuffer) throws ReplicaReadException {
        BlockSocket socket;
        try {
            socket = BlockSocket.connect(node.transferAddress(), timeoutMillis, receiveBuffer);
        } catch (IOException e) {
            throw new ReplicaReadException(node + ": " + e.getMessage(), false, e);
        }
        BlockReader reader = new BlockReader(node, block, socket, allocator);
        try {
            reader.sendOp(new ReadBlockOp(block, offset, length, clientName));
            ReadBlockResponse response = reader.readResponse();
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
            reader.expect(length);
            reader.skip = offset - response.firstChunkOffset();
            return reader;
        } catch (ReplicaReadException e) {
            reader.abort();
            throw e;
        }
    }

    @Override
    ByteBuffer nextBuffer() throws ReplicaReadException {
        return nextPacket();
    }

    /** Receives and verifies the next packet; returns its data from the first byte to return, null for an empty last packet. */
    private ByteBuffer nextPacket() throws ReplicaReadException {
        header.clear();
        fill(header, "a packet header");
        header.flip();
        int frameLength = header.getInt();
        byte type = header.get();
        if (type != FrameType.PACKET.code()) {
            throw new ReplicaReadException(node() + ": expected a packet at offset " + nextOffset + " of " + block
                    + ", got a frame of type " + type, false, null);
        }
        long seqno = header.getLong();
        long packetOffset = header.getLong();
        int checksumLength = header.getInt();
        int dataLength = header.getInt();
        int flags = header.get() & 0xff;
        if (checksumLength < 0 || dataLength < 0 || (long) checksumLength + dataLength != frameLength - PACKET_HEADER_BODY
                || frameLength > TransferFrames.MAX_FRAME_SIZE) {
            throw new ReplicaReadException(node() + ": packet " + seqno + " of " + block + " declares " + checksumLength
                    + " checksum bytes and " + dataLength + " data bytes in a frame of " + frameLength, false, null);
        }
        if (packetOffset != nextOffset || seqno != nextSeqno) {
            throw new ReplicaReadException(node() + ": sent packet " + seqno + " at offset " + packetOffset + " of " + block
                    + " while packet " + nextSeqno + " at " + nextOffset + " was expected", false, null);
        }
        nextSeqno++;
        boolean last = (flags & Packet.FLAG_LAST) != 0;
        if (last && dataLength == 0) {
            sawLast = true;
            if (remaining() > 0) {
                throw new ReplicaReadException(node() + ": ended " + block + " at offset " + nextOffset + " with "
                        + remaining() + " bytes still expected", false, null);
            }
            return null;
        }
        if (checksumLength != ChunkChecksums.checksumLength(dataLength, bytesPerChecksum)) {
            throw new ReplicaReadException(node() + ": packet " + seqno + " of " + block + " carries " + checksumLength
                    + " checksum bytes for " + dataLength + " data bytes", false, null);
        }
        if (checksums.capacity() < checksumLength) {
            checksums = ByteBuffer.allocate(checksumLength);
        }
        checksums.clear().limit(checksumLength);
        fill(checksums, "the checksums of packet " + seqno);
        checksums.flip();
        ByteBuffer packetData = dataBuffer(dataLength);
        fill(packetData, "the data of packet " + seqno);
        packetData.flip();
        int mismatch = ChunkChecksums.firstMismatch(packetData, checksums, bytesPerChecksum, crc);
        if (mismatch >= 0) {
            ByteBuf wrappedData = Unpooled.wrappedBuffer(packetData.duplicate());
            ByteBuf wrappedSums = Unpooled.wrappedBuffer(checksums.duplicate());
            throw new ReplicaReadException(node() + ": checksum mismatch in " + block + " at offset "
                    + (nextOffset + (long) mismatch * bytesPerChecksum) + " ("
                    + ChunkChecksums.describeMismatch(wrappedData, wrappedSums, bytesPerChecksum, mismatch) + ")", true, null);
        }
        sawLast = last;
        nextOffset += dataLength;
        if (skip > 0) {
            int skipped = (int) Math.min(skip, dataLength);
            packetData.position(skipped);
            skip -= skipped;
        }
        return packetData;
    }

    private ByteBuffer dataBuffer(int length) {
        if (dataBuf == null || dataBuf.capacity() < length) {
            if (dataBuf != null) {
                dataBuf.release();
            }
            dataBuf = allocator.directBuffer(Math.max(length, INITIAL_DATA_CAPACITY));
        }
        return dataBuf.nioBuffer(0, length).clear();
    }

    private void fill(ByteBuffer buffer, String what) throws ReplicaReadException {
        try {
            socket.readFully(buffer);
        } catch (IOException e) {
            throw new ReplicaReadException(node() + ": cannot read " + what + " of " + block + " at offset " + nextOffset
                    + ": " + e.getMessage(), false, e);
        }
    }

    private ReadBlockResponse readResponse() throws ReplicaReadException {
        Object answer;
        try {
            answer = socket.receiveOp();
        } catch (IOException e) {
            throw new ReplicaReadException(node() + ": cannot read the answer to a read of " + block + ": " + e.getMessage(), false, e);
        }
        if (!(answer instanceof ReadBlockResponse response)) {
            throw new ReplicaReadException(node() + ": expected a ReadBlockResponse, got " + answer, false, null);
        }
        return response;
    }

    private void sendOp(Object op) throws ReplicaReadException {
        try {
            socket.sendOp(allocator, op);
        } catch (IOException e) {
            throw new ReplicaReadException(node() + ": cannot send " + op.getClass().getSimpleName() + " for " + block + ": "
                    + e.getMessage(), false, e);
        }
    }

    /** Ends a read whose range was fully returned: consumes the last packet and reports success. */
    @Override
    public void finish() {
        try {
            while (!sawLast) {
                nextPacket();
            }
            sendOp(new ClientReadStatus(TransferStatus.SUCCESS));
        } catch (ReplicaReadException e) {
            // the bytes were verified already; the DataNode only misses our status
        } finally {
            abort();
        }
    }

    /** Tells the DataNode its replica is corrupt and closes. */
    @Override
    public void reportChecksumError() {
        try {
            sendOp(new ClientReadStatus(TransferStatus.ERROR_CHECKSUM));
        } catch (ReplicaReadException e) {
            // closing tells the DataNode enough
        } finally {
            abort();
        }
    }

    /** Closes the connection and frees the packet buffer. */
    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        dropBuffer();
        if (dataBuf != null) {
            dataBuf.release();
            dataBuf = null;
        }
        socket.close();
    }
}
