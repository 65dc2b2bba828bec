package io.quarry.scheduler.shuffle;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.CorruptedFrameException;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;

import static java.util.Objects.requireNonNull;

/** A reducer asks for partition {@code partition} of the output of map attempt {@code mapAttempt}. */
record ShuffleRequest(TaskAttemptId mapAttempt, int partition) {
    ShuffleRequest {
        requireNonNull(mapAttempt, "mapAttempt is null");
        if (mapAttempt.type() != TaskType.MAP) {
            throw new IllegalArgumentException("only map attempts have output to shuffle, not " + mapAttempt);
        }
        if (partition < 0) {
            throw new IllegalArgumentException("negative partition " + partition + " of " + mapAttempt);
        }
    }

    JobId jobId() {
        return mapAttempt.jobId();
    }

    /** The whole frame, length prefix included. */
    ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf frame = alloc.buffer(64);
        frame.writeInt(0);
        frame.writeInt(ShuffleProtocol.MAGIC);
        frame.writeByte(ShuffleProtocol.VERSION);
        ShuffleProtocol.writeString(frame, mapAttempt.toString());
        frame.writeInt(partition);
        frame.setInt(0, frame.readableBytes() - ShuffleProtocol.LENGTH_FIELD);
        return frame;
    }

    /** Decodes a frame without its length prefix; anything that is not a well-formed request is a {@link CorruptedFrameException}. */
    static ShuffleRequest decode(ByteBuf frame) {
        ShuffleProtocol.requireReadable(frame, 5, "request magic and version");
        int magic = frame.readInt();
        if (magic != ShuffleProtocol.MAGIC) {
            throw new CorruptedFrameException("not a shuffle request: magic " + Integer.toHexString(magic) + ", expected "
                    + Integer.toHexString(ShuffleProtocol.MAGIC));
        }
        byte version = frame.readByte();
        if (version != ShuffleProtocol.VERSION) {
            throw new CorruptedFrameException("shuffle request version " + version + ", expected " + ShuffleProtocol.VERSION);
        }
        String attempt = ShuffleProtocol.readString(frame, "map attempt id");
        ShuffleProtocol.requireReadable(frame, 4, "partition");
        int partition = frame.readInt();
        ShuffleProtocol.requireFullyRead(frame, "shuffle request");
        try {
            return new ShuffleRequest(TaskAttemptId.parse(attempt), partition);
        } catch (IllegalArgumentException e) {
            throw new CorruptedFrameException("bad shuffle request: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "partition " + partition + " of " + mapAttempt;
    }
}
