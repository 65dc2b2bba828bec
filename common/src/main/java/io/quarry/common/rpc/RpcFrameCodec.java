package io.quarry.common.rpc;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageCodec;
import io.quarry.common.codec.KryoCodec;

import static java.util.Objects.requireNonNull;

/**
 * Turns one length-prefixed frame into one Kryo message and back. The pipeline is always
 * {@link #frameDecoder(int)}, {@link #framePrepender()}, this codec, then one handler.
 */
public final class RpcFrameCodec extends MessageToMessageCodec<ByteBuf, Object> {
    private final KryoCodec codec;

    public RpcFrameCodec(KryoCodec codec) {
        this.codec = requireNonNull(codec, "codec is null");
    }

    /** A 4-byte big-endian length prefix; frames longer than the maximum are refused. */
    public static LengthFieldBasedFrameDecoder frameDecoder(int maxFrameSize) {
        return new LengthFieldBasedFrameDecoder(maxFrameSize, 0, 4, 0, 4, true);
    }

    public static LengthFieldPrepender framePrepender() {
        return new LengthFieldPrepender(4);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object message, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(codec.encode(message)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        out.add(codec.decode(bytes));
    }
}
