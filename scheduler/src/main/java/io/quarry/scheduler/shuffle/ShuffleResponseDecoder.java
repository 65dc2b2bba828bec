package io.quarry.scheduler.shuffle;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;

/**
 * The reducer side of {@link ShuffleProtocol}: emits a {@link ShuffleHeader}, then for a success
 * the partition's bytes as retained slices of what the socket delivered (no copy), then
 * {@link #END_OF_SEGMENT}. Whoever receives a slice releases it.
 */
final class ShuffleResponseDecoder extends ByteToMessageDecoder {
    /** Follows the last byte of a successful response. */
    static final Object END_OF_SEGMENT = new Object() {
        @Override
        public String toString() {
            return "END_OF_SEGMENT";
        }
    };

    /** Bytes of the current segment still to come; 0 while a header is expected. */
    private long remaining;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            decodeNext(in, out);
        } catch (DecoderException e) {
            in.skipBytes(in.readableBytes()); // nothing after a corrupt header can be trusted, nor decoded again
            throw e;
        }
    }

    private void decodeNext(ByteBuf in, List<Object> out) {
        if (remaining > 0) {
            int length = (int) Math.min(in.readableBytes(), remaining);
            if (length > 0) {
                out.add(in.readRetainedSlice(length));
                remaining -= length;
                if (remaining == 0) {
                    out.add(END_OF_SEGMENT);
                }
            }
            return;
        }
        if (in.readableBytes() < ShuffleProtocol.LENGTH_FIELD) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length > ShuffleProtocol.MAX_HEADER_FRAME) {
            throw new TooLongFrameException("shuffle header of " + length + " bytes exceeds the maximum of "
                    + ShuffleProtocol.MAX_HEADER_FRAME);
        }
        if (length < 1) {
            throw new CorruptedFrameException("shuffle header length " + length);
        }
        if (in.readableBytes() < ShuffleProtocol.LENGTH_FIELD + length) {
            return;
        }
        in.skipBytes(ShuffleProtocol.LENGTH_FIELD);
        ShuffleHeader header = ShuffleHeader.decode(in.readSlice(length));
        out.add(header);
        if (header.isOk()) {
            if (header.storedLength() == 0) {
                out.add(END_OF_SEGMENT);
            } else {
                remaining = header.storedLength();
            }
        }
    }
}
