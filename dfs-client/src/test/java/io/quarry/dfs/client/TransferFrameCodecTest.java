package io.quarry.dfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.transfer.ClientReadStatus;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferFrameCodecTest {
    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(TransferFrames.frameDecoder(), new TransferFrameDecoder());
    }

    @Test
    void decodesOpsPacketsAndAcksSplitAcrossReads() {
        EmbeddedChannel channel = channel();
        ByteBuf op = TransferFrames.encodeOp(channel.alloc(), new ReadBlockOp(new Block(1, 2, 3), 0, 3, "client"));
        OutboundPacket outbound = OutboundPacket.data(channel.alloc(), 4, 0, Unpooled.buffer().writeBytes(new byte[] {1, 2, 3}), 512);
        ByteBuf packet = outbound.encode(channel.alloc());
        outbound.release();
        ByteBuf ack = TransferFrames.encodeAck(channel.alloc(), new PipelineAck(4, List.of(TransferStatus.SUCCESS, TransferStatus.ERROR)));
        ByteBuf all = Unpooled.wrappedBuffer(op, packet, ack);
        while (all.isReadable()) {
            channel.writeInbound(all.readRetainedSlice(Math.min(5, all.readableBytes())));
        }
        all.release();
        TransferOp decodedOp = channel.readInbound();
        assertThat(decodedOp.message()).isEqualTo(new ReadBlockOp(new Block(1, 2, 3), 0, 3, "client"));
        Packet decodedPacket = channel.readInbound();
        assertThat(decodedPacket.seqno()).isEqualTo(4);
        assertThat(decodedPacket.dataLength()).isEqualTo(3);
        decodedPacket.release();
        PipelineAck decodedAck = channel.readInbound();
        assertThat(decodedAck.firstFailure()).isEqualTo(1);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void truncatedFrameProducesNothingUntilComplete() {
        EmbeddedChannel channel = channel();
        ByteBuf op = TransferFrames.encodeOp(channel.alloc(), new ClientReadStatus(TransferStatus.SUCCESS));
        ByteBuf head = op.readRetainedSlice(op.readableBytes() - 1);
        channel.writeInbound(head);
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(op);
        TransferOp decoded = channel.readInbound();
        assertThat(decoded.message()).isEqualTo(new ClientReadStatus(TransferStatus.SUCCESS));
        channel.finishAndReleaseAll();
    }

    @Test
    void oversizedFrameIsRefusedBeforeItsBodyArrives() {
        EmbeddedChannel channel = channel();
        ByteBuf header = Unpooled.buffer().writeInt(TransferFrames.MAX_FRAME_SIZE + 1).writeByte(2);
        assertThatThrownBy(() -> channel.writeInbound(header)).isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void unknownFrameTypeIsCorrupt() {
        EmbeddedChannel channel = channel();
        ByteBuf garbage = Unpooled.buffer().writeInt(3).writeByte(99).writeShort(7);
        assertThatThrownBy(() -> channel.writeInbound(garbage)).isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("99");
        channel.finishAndReleaseAll();
    }

    @Test
    void garbageOpBodyIsCorrupt() {
        EmbeddedChannel channel = channel();
        ByteBuf garbage = Unpooled.buffer().writeInt(6).writeByte(1).writeInt(0xdeadbeef).writeByte(0x7f);
        assertThatThrownBy(() -> channel.writeInbound(garbage)).isInstanceOf(DecoderException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void packetWhoseLengthsLieIsCorrupt() {
        EmbeddedChannel channel = channel();
        ByteBuf lying = Unpooled.buffer();
        lying.writeInt(1 + 8 + 8 + 4 + 4 + 1 + 10);
        lying.writeByte(2).writeLong(1).writeLong(0).writeInt(4).writeInt(100).writeByte(0);
        lying.writeBytes(new byte[10]);
        assertThatThrownBy(() -> channel.writeInbound(lying)).isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("declares 4 checksum bytes and 100 data bytes");
        channel.finishAndReleaseAll();
    }

    @Test
    void ackWhoseCountLiesIsCorrupt() {
        EmbeddedChannel channel = channel();
        ByteBuf lying = Unpooled.buffer().writeInt(1 + 8 + 1 + 1).writeByte(3).writeLong(5).writeByte(3).writeByte(0);
        assertThatThrownBy(() -> channel.writeInbound(lying)).isInstanceOf(CorruptedFrameException.class)
                .hasMessageContaining("declares 3 statuses");
        channel.finishAndReleaseAll();
    }

    @Test
    void negativeLengthPrefixIsRefused() {
        EmbeddedChannel channel = channel();
        ByteBuf negative = Unpooled.buffer().writeInt(-5).writeByte(1);
        assertThatThrownBy(() -> channel.writeInbound(negative)).isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }
}
