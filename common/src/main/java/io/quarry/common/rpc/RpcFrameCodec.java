package io.quarry.common.rpc;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageCodec;
import io.quarry.common.codec.CodecException;
import io.quarry.common.codec.KryoCodec;

import static java.util.Objects.requireNonNull;

/**
 * Turns one length-prefixed frame into one Kryo message and back. The pipeline is always
 * {@link #frameDecoder(int)}, {@link #framePrepender()}, this codec, then one handler.
 */
public final class RpcFrameCodec extends MessageToMessageCodec<ByteBuf, Object> {
    private final KryoCodec codec;
    private final int maxFrameSize;

    public RpcFrameCodec(KryoCodec codec) {
        this(codec, Integer.MAX_VALUE);
    }

    /** Refuses to send a message whose frame the peer would refuse: more than {@code maxFrameSize} bytes. */
    public RpcFrameCodec(KryoCodec codec, int maxFrameSize) {
        this.codec = requireNonNull(codec, "codec is null");
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive: " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
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
        byte[] bytes = codec.encode(message);
        if (bytes.length > maxFrameSize) {
            throw new CodecException("Cannot send " + describe(message) + ": " + bytes.length
                    + " bytes exceed the maximum frame size of " + maxFrameSize);
        }
        out.add(Unpooled.wrappedBuffer(bytes));
    }

    private static String describe(Object message) {
        if (message instanceof RpcRequest request) {
            return request.body().getClass().getSimpleName();
        }
        if (message instanceof RpcResponse response && response.body() != null) {
            return "reply " + response.body().getClass().getSimpleName();
        }
        return message == null ? "null" : message.getClass().getSimpleName();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        Object message = codec.decode(bytes);
        if (message == null) {
            throw new CodecException("Frame of " + bytes.length + " bytes holds a null message, expected a registered message");
        }
        out.add(message);
    }
}
