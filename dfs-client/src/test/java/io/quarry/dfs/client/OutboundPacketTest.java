package io.quarry.dfs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.TransferFrames;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutboundPacketTest {
    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private static Packet roundTrip(OutboundPacket packet) {
        ByteBuf frame = packet.encode(ALLOC);
        try {
            int length = frame.readInt();
            assertThat(length).isEqualTo(frame.readableBytes());
            return (Packet) TransferFrames.decode(frame);
        } finally {
            frame.release();
        }
    }

    @Test
    void dataPacketCarriesOneChecksumPerChunkAndDecodesToTheSameBytes() {
        Random random = new Random(Seeds.seed("dataPacketCarriesOneChecksumPerChunk"));
        byte[] bytes = new byte[1300];
        random.nextBytes(bytes);
        ByteBuf data = ALLOC.directBuffer(bytes.length).writeBytes(bytes);
        OutboundPacket packet = OutboundPacket.data(ALLOC, 7, 65536, data, 512);
        Packet decoded = roundTrip(packet);
        try {
            assertThat(decoded.seqno()).isEqualTo(7);
            assertThat(decoded.offsetInBlock()).isEqualTo(65536);
            assertThat(decoded.isLast()).isFalse();
            assertThat(decoded.checksums().readableBytes()).isEqualTo(3 * ChunkChecksums.CHECKSUM_SIZE);
            byte[] copy = new byte[decoded.dataLength()];
            decoded.data().getBytes(decoded.data().readerIndex(), copy);
            assertThat(copy).isEqualTo(bytes);
            assertThat(ChunkChecksums.firstMismatch(decoded.data(), decoded.checksums(), 512)).isEqualTo(-1);
        } finally {
            decoded.release();
            packet.release();
        }
    }

    @Test
    void packetCanBeEncodedAgainForResendUntilReleased() {
        ByteBuf data = ALLOC.directBuffer(10).writeBytes(new byte[10]);
        OutboundPacket packet = OutboundPacket.data(ALLOC, 1, 0, data, 512);
        Packet first = roundTrip(packet);
        Packet second = roundTrip(packet);
        assertThat(second.dataLength()).isEqualTo(first.dataLength()).isEqualTo(10);
        first.release();
        second.release();
        packet.release();
        assertThat(data.refCnt()).isZero();
    }

    @Test
    void flippedByteIsFoundInItsChunk() {
        byte[] bytes = new byte[2048];
        ByteBuf data = ALLOC.directBuffer(bytes.length).writeBytes(bytes);
        OutboundPacket packet = OutboundPacket.data(ALLOC, 1, 0, data, 512);
        ByteBuf frame = packet.encode(ALLOC);
        ByteBuf copy = Unpooled.copiedBuffer(frame);
        frame.release();
        int dataStart = TransferFrames.PACKET_HEADER_SIZE + 4 * ChunkChecksums.CHECKSUM_SIZE;
        copy.setByte(dataStart + 1500, copy.getByte(dataStart + 1500) ^ 0x40);
        copy.readInt();
        Packet decoded = (Packet) TransferFrames.decode(copy);
        copy.release();
        try {
            assertThat(ChunkChecksums.firstMismatch(decoded.data(), decoded.checksums(), 512)).isEqualTo(2);
            assertThat(ChunkChecksums.describeMismatch(decoded.data(), decoded.checksums(), 512, 2)).startsWith("expected ");
        } finally {
            decoded.release();
            packet.release();
        }
    }

    @Test
    void lastPacketIsEmptyAndFlagged() {
        OutboundPacket last = OutboundPacket.last(9, 4096);
        Packet decoded = roundTrip(last);
        try {
            assertThat(decoded.isLast()).isTrue();
            assertThat(decoded.dataLength()).isZero();
            assertThat(decoded.offsetInBlock()).isEqualTo(4096);
        } finally {
            decoded.release();
            last.release();
        }
    }
}
