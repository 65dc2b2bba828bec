package io.quarry.common.rpc;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.quarry.common.codec.CodecException;
import io.quarry.common.codec.KryoCodec;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.TestMessages.Echo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RPC pipeline's framing and codec in memory: split, merged, oversized, truncated and garbage frames. */
@Timeout(10)
@ExtendWith(NoLeaks.class)
class RpcFrameCodecTest {
    private static final int MAX_FRAME = 1024;

    private final KryoCodec codec = KryoCodec.shared();
    private final List<ByteBuf> inputs = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            RpcFrameCodec.frameDecoder(MAX_FRAME), RpcFrameCodec.framePrepender(), new RpcFrameCodec(codec, MAX_FRAME));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
        for (ByteBuf input : inputs) {
            assertThat(input.refCnt()).as("input buffers are released by the pipeline").isZero();
        }
    }

    private Object inbound() {
        return channel.readInbound();
    }

    private Object outbound() {
        return channel.readOutbound();
    }

    private ByteBuf tracked(ByteBuf buffer) {
        inputs.add(buffer);
        return buffer;
    }

    /** What the channel wrote for one message, as bytes. */
    private byte[] encodeThroughPipeline(Object message) {
        channel.writeOutbound(message);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            all.writeBytes(part);
            part.release();
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        all.release();
        return bytes;
    }

    private static byte[] frame(byte[] payload) {
        ByteBuf buffer = Unpooled.buffer(4 + payload.length).writeInt(payload.length).writeBytes(payload);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes).release();
        return bytes;
    }

    @Test
    void messageRoundTripsThroughTheFraming() {
        RpcRequest request = new RpcRequest(5, "client", "user", 100, new Echo("hi"));
        byte[] wire = encodeThroughPipeline(request);
        assertThat(wire.length).isEqualTo(4 + codec.encode(request).length);

        channel.writeInbound(tracked(Unpooled.wrappedBuffer(wire)));
        assertThat(inbound()).isEqualTo(request);
    }

    @Test
    void frameArrivingOneByteAtATimeDecodesOnce() {
        byte[] wire = encodeThroughPipeline(RpcResponse.success(1, new Echo("slow")));
        for (byte b : wire) {
            assertThat(inbound()).isNull();
            channel.writeInbound(tracked(Unpooled.wrappedBuffer(new byte[] {b})));
        }
        assertThat(inbound()).isEqualTo(RpcResponse.success(1, new Echo("slow")));
        assertThat(inbound()).isNull();
    }

    @Test
    void twoFramesInOneBufferDecodeAsTwoMessages() {
        byte[] first = encodeThroughPipeline(new Echo("a"));
        byte[] second = encodeThroughPipeline(new Echo("b"));
        channel.writeInbound(tracked(Unpooled.wrappedBuffer(first, second)));
        assertThat(inbound()).isEqualTo(new Echo("a"));
        assertThat(inbound()).isEqualTo(new Echo("b"));
    }

    @Test
    void oversizedFrameIsRefusedAsSoonAsItsLengthIsRead() {
        ByteBuf header = tracked(Unpooled.buffer().writeInt(MAX_FRAME + 1).writeByte(1));
        assertThatThrownBy(() -> channel.writeInbound(header)).isInstanceOf(TooLongFrameException.class)
                .hasMessageContaining(String.valueOf(MAX_FRAME));
    }

    @Test
    void negativeFrameLengthIsRefused() {
        ByteBuf header = tracked(Unpooled.buffer().writeInt(-5).writeByte(1));
        assertThatThrownBy(() -> channel.writeInbound(header)).isInstanceOf(DecoderException.class);
    }

    @Test
    void garbageFrameFailsWithACodecException() {
        ByteBuf garbage = tracked(Unpooled.wrappedBuffer(frame(new byte[] {(byte) 0xfe, 0x7f, 1, 2, 3})));
        assertThatThrownBy(() -> channel.writeInbound(garbage)).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(CodecException.class);
    }

    @Test
    void emptyFrameFailsWithACodecException() {
        ByteBuf empty = tracked(Unpooled.wrappedBuffer(frame(new byte[0])));
        assertThatThrownBy(() -> channel.writeInbound(empty)).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(CodecException.class);
    }

    @Test
    void truncatedFrameYieldsNothingAndIsReleasedAtClose() {
        byte[] wire = encodeThroughPipeline(new Echo("cut short"));
        ByteBuf partial = tracked(Unpooled.wrappedBuffer(wire, 0, wire.length - 2));
        channel.writeInbound(partial);
        assertThat(inbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void messageLargerThanTheFrameLimitIsNotSent() {
        assertThatThrownBy(() -> channel.writeOutbound(new Echo("x".repeat(MAX_FRAME))))
                .isInstanceOf(EncoderException.class).hasMessageContaining("maximum frame size of " + MAX_FRAME);
        assertThat(outbound()).isNull();
    }

    @Test
    void unregisteredMessageIsNotSent() {
        record Unknown(int x) {
        }
        assertThatThrownBy(() -> channel.writeOutbound(new Unknown(1))).isInstanceOf(EncoderException.class)
                .hasCauseInstanceOf(CodecException.class);
    }
}
