package io.quarry.scheduler.shuffle;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/** Turns one request frame (length prefix stripped) into a {@link ShuffleRequest}; the frame is released by the base class. */
final class ShuffleRequestDecoder extends MessageToMessageDecoder<ByteBuf> {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(ShuffleRequest.decode(frame));
    }
}
