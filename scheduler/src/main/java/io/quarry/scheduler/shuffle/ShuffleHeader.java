package io.quarry.scheduler.shuffle;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.CorruptedFrameException;

import static java.util.Objects.requireNonNull;

/**
 * The answer to a {@link ShuffleRequest}: for {@link ShuffleStatus#OK} the segment's raw and
 * stored lengths and codec ({@code storedLength} bytes follow), otherwise why not.
 */
record ShuffleHeader(ShuffleStatus status, long rawLength, long storedLength, String codec, String message) {
    ShuffleHeader {
        requireNonNull(status, "status is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(message, "message is null");
        if (rawLength < 0 || storedLength < 0) {
            throw new IllegalArgumentException("negative segment lengths: raw " + rawLength + ", stored " + storedLength);
        }
        if (status != ShuffleStatus.OK && storedLength != 0) {
            throw new IllegalArgumentException(status + " carries no bytes, not " + storedLength);
        }
    }

    static ShuffleHeader ok(long rawLength, long storedLength, String codec) {
        return new ShuffleHeader(ShuffleStatus.OK, rawLength, storedLength, codec, "");
    }

    static ShuffleHeader error(ShuffleStatus status, String message) {
        if (status == ShuffleStatus.OK) {
            throw new IllegalArgumentException("an error header needs an error status");
        }
        String shortened = message.length() > ShuffleProtocol.MAX_MESSAGE_CHARS
                ? message.substring(0, ShuffleProtocol.MAX_MESSAGE_CHARS) + "..." : message;
        return new ShuffleHeader(status, 0, 0, "", shortened);
    }

    boolean isOk() {
        return status == ShuffleStatus.OK;
    }

    /** The whole frame, length prefix included. */
    ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf frame = alloc.buffer(isOk() ? 32 + codec.length() : 16 + message.length() * 3);
        frame.writeInt(0);
        frame.writeByte(status.code());
        if (isOk()) {
            frame.writeLong(rawLength);
            frame.writeLong(storedLength);
            ShuffleProtocol.writeString(frame, codec);
        } else {
            ShuffleProtocol.writeString(frame, message);
        }
        frame.setInt(0, frame.readableBytes() - ShuffleProtocol.LENGTH_FIELD);
        return frame;
    }

    /** Decodes a frame without its length prefix. */
    static ShuffleHeader decode(ByteBuf frame) {
        ShuffleProtocol.requireReadable(frame, 1, "status");
        int code = frame.readUnsignedByte();
        ShuffleStatus status = ShuffleStatus.ofCode(code);
        if (status == null) {
            throw new CorruptedFrameException("unknown shuffle status " + code);
        }
        ShuffleHeader header;
        if (status == ShuffleStatus.OK) {
            ShuffleProtocol.requireReadable(frame, 16, "segment lengths");
            long raw = frame.readLong();
            long stored = frame.readLong();
            String codec = ShuffleProtocol.readString(frame, "codec");
            if (raw < 0 || stored < 0) {
                throw new CorruptedFrameException("negative segment lengths in shuffle header: raw " + raw + ", stored " + stored);
            }
            header = ok(raw, stored, codec);
        } else {
            header = error(status, ShuffleProtocol.readString(frame, "message"));
        }
        ShuffleProtocol.requireFullyRead(frame, "shuffle header");
        return header;
    }
}
