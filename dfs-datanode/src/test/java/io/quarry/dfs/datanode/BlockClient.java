package io.quarry.dfs.datanode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.concurrent.Threads;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.datanode.transfer.TransferConnection;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.ClientReadStatus;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.LocalReadOp;
import io.quarry.dfs.protocol.transfer.LocalReadResponse;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;
import io.quarry.dfs.protocol.transfer.WriteStage;

/** A small test client speaking the transfer frames: pipeline writes and checksum-verifying reads. */
final class BlockClient implements AutoCloseable {
    static final int BYTES_PER_CHECKSUM = 512;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EventLoopGroup group = NettyTransport.newGroup(2, Threads.named("test-block-client-%d"));

    /** A read whose data failed checksum verification. */
    static final class ChecksumException extends IOException {
        ChecksumException(String message) {
            super(message);
        }
    }

    final class Writer implements AutoCloseable {
        final TransferConnection connection;
        final OpResponse response;
        private long seqno;

        Writer(TransferConnection connection, OpResponse response) {
            this.connection = connection;
            this.response = response;
        }

        /** Sends one packet of {@code data[from, from+length)} at {@code offset}; {@code corruptChecksum} flips a checksum bit. */
        long sendPacket(long offset, byte[] data, int from, int length, int flags, boolean corruptChecksum) throws IOException {
            byte[] sums = new byte[ChunkChecksums.checksumLength(length, BYTES_PER_CHECKSUM)];
            ChunkChecksums.compute(data, from, length, BYTES_PER_CHECKSUM, sums, 0);
            if (corruptChecksum && sums.length > 0) {
                sums[0] ^= 1;
            }
            long sent = seqno++;
            connection.send(TransferFrames.encodePacket(connection.channel().alloc(), sent, offset, flags, Unpooled.wrappedBuffer(sums),
                    Unpooled.wrappedBuffer(data, from, length)));
            return sent;
        }

        PipelineAck awaitAck() throws IOException {
            return connection.receive(PipelineAck.class, TIMEOUT);
        }

        /** Sends {@code data[from..]} starting at block offset {@code offset} in packets, the last flagged; returns the acks' outcome. */
        PipelineAck writeAll(long offset, byte[] data, int from, int packetSize) throws IOException {
            int position = from;
            long blockOffset = offset;
            int sent = 0;
            do {
                int length = Math.min(packetSize, data.length - position);
                boolean last = position + length == data.length;
                sendPacket(blockOffset, data, position, length, last ? Packet.FLAG_LAST : 0, false);
                position += length;
                blockOffset += length;
                sent++;
            } while (position < data.length);
            PipelineAck ack = null;
            for (int i = 0; i < sent; i++) {
                ack = awaitAck();
                if (!ack.isSuccess()) {
                    return ack;
                }
            }
            return ack;
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    Writer openWrite(List<DatanodeId> pipeline, Block block, WriteStage stage, long previousStamp) throws IOException {
        TransferConnection connection = TransferConnection.open(group, pipeline.get(0).transferAddress(), TIMEOUT);
        connection.sendOp(new WriteBlockOp(block, previousStamp, "test-client", pipeline.subList(1, pipeline.size()), stage,
                BYTES_PER_CHECKSUM, false));
        return new Writer(connection, connection.receive(OpResponse.class, TIMEOUT));
    }

    /** Writes a whole block through the pipeline and checks every ack succeeded. */
    void write(List<DatanodeId> pipeline, Block block, byte[] data, int packetSize) throws IOException {
        try (Writer writer = openWrite(pipeline, block, WriteStage.CREATE, 0)) {
            if (writer.response.status() != TransferStatus.SUCCESS) {
                throw new IOException("pipeline setup failed: " + writer.response);
            }
            PipelineAck ack = writer.writeAll(0, data, 0, packetSize);
            if (!ack.isSuccess() || ack.statuses().size() != pipeline.size()) {
                throw new IOException("write failed: " + ack);
            }
        }
    }

    ReadBlockResponse readResponse(DatanodeId node, Block block, long offset, long length) throws IOException {
        try (TransferConnection connection = TransferConnection.open(group, node.transferAddress(), TIMEOUT)) {
            connection.sendOp(new ReadBlockOp(block, offset, length, "test-client"));
            return connection.receive(ReadBlockResponse.class, TIMEOUT);
        }
    }

    LocalReadResponse localRead(DatanodeId node, Block block) throws IOException {
        try (TransferConnection connection = TransferConnection.open(group, node.transferAddress(), TIMEOUT)) {
            connection.sendOp(new LocalReadOp(block, "test-client"));
            return connection.receive(LocalReadResponse.class, TIMEOUT);
        }
    }

    /** Reads {@code [offset, offset+length)} and verifies every chunk's checksum. */
    byte[] read(DatanodeId node, Block block, long offset, long length) throws IOException {
        try (TransferConnection connection = TransferConnection.open(group, node.transferAddress(), TIMEOUT)) {
            connection.sendOp(new ReadBlockOp(block, offset, length, "test-client"));
            ReadBlockResponse response = connection.receive(ReadBlockResponse.class, TIMEOUT);
            if (response.status() != TransferStatus.SUCCESS) {
                throw new IOException("read refused: " + response.status() + " " + response.message());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long expectedOffset = response.firstChunkOffset();
            while (true) {
                Packet packet = connection.receive(Packet.class, TIMEOUT);
                try {
                    if (packet.offsetInBlock() != expectedOffset) {
                        throw new IOException("packet at " + packet.offsetInBlock() + ", expected " + expectedOffset);
                    }
                    int bad = ChunkChecksums.firstMismatch(packet.data(), packet.checksums(), response.bytesPerChecksum());
                    if (bad >= 0) {
                        connection.sendOp(new ClientReadStatus(TransferStatus.ERROR_CHECKSUM));
                        throw new ChecksumException("checksum mismatch at " + (packet.offsetInBlock() + (long) bad * response.bytesPerChecksum()));
                    }
                    byte[] bytes = new byte[packet.dataLength()];
                    packet.data().getBytes(packet.data().readerIndex(), bytes);
                    out.write(bytes);
                    expectedOffset += bytes.length;
                    if (packet.isLast()) {
                        break;
                    }
                } finally {
                    packet.release();
                }
            }
            connection.sendOp(new ClientReadStatus(TransferStatus.SUCCESS));
            byte[] all = out.toByteArray();
            int skip = (int) (offset - response.firstChunkOffset());
            int available = (int) Math.min(length, all.length - skip);
            byte[] result = new byte[available];
            System.arraycopy(all, skip, result, 0, available);
            return result;
        }
    }

    ByteBufAllocator alloc() {
        return ByteBufAllocator.DEFAULT;
    }

    static ByteBuf frame(byte type, byte[] body) {
        ByteBuf frame = Unpooled.buffer(5 + body.length);
        frame.writeInt(1 + body.length).writeByte(type).writeBytes(body);
        return frame;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
