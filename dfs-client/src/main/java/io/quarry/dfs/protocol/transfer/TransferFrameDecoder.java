package io.quarry.dfs.protocol.transfer;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * Follows {@link TransferFrames#frameDecoder()} in a pipeline and emits {@link TransferOp},
 * {@link Packet} (to be released by the consumer) and {@link PipelineAck} objects.
 */
public final class TransferFrameDecoder extends MessageToMessageDecoder<ByteBuf> {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(TransferFrames.decode(frame));
    }
}
