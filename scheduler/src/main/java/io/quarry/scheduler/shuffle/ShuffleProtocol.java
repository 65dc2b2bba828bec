package io.quarry.scheduler.shuffle;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The shuffle's streaming protocol. A reducer sends request frames, one at a time per
 * connection: a 4-byte big-endian length, then magic {@code QSHF}, version 1, the map attempt id
 * (which names the job) and the partition ({@link ShuffleRequest}). The server answers each with
 * a length-prefixed header ({@link ShuffleHeader}: status, and for success the raw and stored
 * lengths and the codec, otherwise a message) and, on success, exactly {@code storedLength} bytes
 * of the partition, unframed. Strings are a 2-byte length and UTF-8.
 */
final class ShuffleProtocol {
    static final int MAGIC = 0x51534846; // "QSHF"
    static final byte VERSION = 1;
    /** Requests are tiny; anything larger is a confused or hostile peer. */
    static final int MAX_REQUEST_FRAME = 1024;
    /** Headers carry at most a message of {@link #MAX_MESSAGE_CHARS} characters. */
    static final int MAX_HEADER_FRAME = 16 * 1024;
    static final int MAX_MESSAGE_CHARS = 2000;
    static final int LENGTH_FIELD = 4;

    private ShuffleProtocol() {
    }

    static LengthFieldBasedFrameDecoder requestFrameDecoder() {
        return new LengthFieldBasedFrameDecoder(MAX_REQUEST_FRAME, 0, LENGTH_FIELD, 0, LENGTH_FIELD, true);
    }

    static void writeString(ByteBuf out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + bytes.length + " bytes does not fit the shuffle protocol");
        }
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    static String readString(ByteBuf in, String what) {
        requireReadable(in, 2, what);
        int length = in.readUnsignedShort();
        requireReadable(in, length, what);
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    static void requireReadable(ByteBuf in, int bytes, String what) {
        if (in.readableBytes() < bytes) {
            throw new CorruptedFrameException("truncated shuffle frame: " + what + " needs " + bytes + " bytes, "
                    + in.readableBytes() + " left");
        }
    }

    static void requireFullyRead(ByteBuf in, String what) {
        if (in.isReadable()) {
            throw new CorruptedFrameException(what + " has " + in.readableBytes() + " unexpected trailing bytes");
        }
    }
}
