package io.quarry.scheduler.shuffle;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shuffle wire format in memory: round trips, truncated, oversized and garbage frames, responses split anywhere. */
@Timeout(30)
@ExtendWith(NoLeaks.class)
class ShuffleProtocolTest {
    private static final TaskAttemptId ATTEMPT = MapOutputs.attempt(new JobId("proto", 3), TaskType.MAP, 17);

    @Test
    void requestRoundTripsThroughItsFrame() {
        ShuffleRequest request = new ShuffleRequest(ATTEMPT, 42);
        ByteBuf frame = request.encode(ByteBufAllocator.DEFAULT);
        try {
            assertThat(frame.readInt()).isEqualTo(frame.readableBytes());
            assertThat(ShuffleRequest.decode(frame)).isEqualTo(request);
            assertThat(request.jobId()).isEqualTo(ATTEMPT.jobId());
        } finally {
            frame.release();
        }
    }

    @Test
    void truncatedOrForeignRequestFramesAreCorrupt() {
        ByteBuf frame = new ShuffleRequest(ATTEMPT, 1).encode(ByteBufAllocator.DEFAULT);
        try {
            frame.skipBytes(4);
            int length = frame.readableBytes();
            for (int cut = 0; cut < length; cut++) {
                ByteBuf truncated = frame.slice(frame.readerIndex(), cut);
                assertThatThrownBy(() -> ShuffleRequest.decode(truncated)).as("request cut at %s of %s bytes", cut, length)
                        .isInstanceOf(CorruptedFrameException.class);
            }
            ByteBuf foreign = frame.copy().setInt(0, 0x47455420); // "GET "
            try {
                assertThatThrownBy(() -> ShuffleRequest.decode(foreign)).hasMessageContaining("magic");
            } finally {
                foreign.release();
            }
            ByteBuf longer = Unpooled.wrappedBuffer(frame.copy(), Unpooled.wrappedBuffer(new byte[] {1}));
            try {
                assertThatThrownBy(() -> ShuffleRequest.decode(longer)).hasMessageContaining("trailing");
            } finally {
                longer.release();
            }
        } finally {
            frame.release();
        }
    }

    @Test
    void reduceAttemptsAndNegativePartitionsAreNoRequests() {
        TaskAttemptId reduce = MapOutputs.attempt(ATTEMPT.jobId(), TaskType.REDUCE, 0);
        assertThatThrownBy(() -> new ShuffleRequest(reduce, 0)).hasMessageContaining(reduce.toString());
        assertThatThrownBy(() -> new ShuffleRequest(ATTEMPT, -1)).hasMessageContaining("negative partition");
    }

    @Test
    void responsesDecodeTheSameHoweverTheBytesAreSplit() {
        long seed = Seeds.seed("responseSplits");
        Random random = new Random(seed);
        byte[] body = new byte[5000];
        random.nextBytes(body);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        append(wire, ShuffleHeader.ok(9000, body.length, "lz4"));
        wire.writeBytes(body);
        append(wire, ShuffleHeader.error(ShuffleStatus.BAD_PARTITION, "worker-1: attempt has 3 partitions, asked for 5"));
        append(wire, ShuffleHeader.ok(1, 0, "none"));
        byte[] bytes = wire.toByteArray();

        for (int round = 0; round < 50; round++) {
            EmbeddedChannel channel = new EmbeddedChannel(new ShuffleResponseDecoder());
            for (int at = 0; at < bytes.length; ) {
                int piece = Math.min(bytes.length - at, 1 + random.nextInt(round % 2 == 0 ? 7 : 3000));
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, piece));
                at += piece;
            }
            List<Object> messages = new ArrayList<>();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Object message;
            while ((message = channel.readInbound()) != null) {
                if (message instanceof ByteBuf chunk) {
                    byte[] copy = new byte[chunk.readableBytes()];
                    chunk.readBytes(copy);
                    chunk.release();
                    received.writeBytes(copy);
                } else {
                    messages.add(message);
                }
            }
            assertThat(channel.finish()).isFalse();
            assertThat(messages).as("round %s (seed %s)", round, seed).containsExactly(
                    ShuffleHeader.ok(9000, body.length, "lz4"), ShuffleResponseDecoder.END_OF_SEGMENT,
                    ShuffleHeader.error(ShuffleStatus.BAD_PARTITION, "worker-1: attempt has 3 partitions, asked for 5"),
                    ShuffleHeader.ok(1, 0, "none"), ShuffleResponseDecoder.END_OF_SEGMENT);
            assertThat(received.toByteArray()).isEqualTo(body);
        }
    }

    @Test
    void oversizedOrGarbageHeadersAreRefused() {
        EmbeddedChannel oversized = new EmbeddedChannel(new ShuffleResponseDecoder());
        assertThatThrownBy(() -> oversized.writeInbound(Unpooled.buffer().writeInt(1 << 30).writeByte(0)))
                .isInstanceOf(TooLongFrameException.class);
        oversized.finishAndReleaseAll();

        EmbeddedChannel unknownStatus = new EmbeddedChannel(new ShuffleResponseDecoder());
        assertThatThrownBy(() -> unknownStatus.writeInbound(Unpooled.buffer().writeInt(1).writeByte(99)))
                .hasMessageContaining("unknown shuffle status 99");
        unknownStatus.finishAndReleaseAll();

        EmbeddedChannel negative = new EmbeddedChannel(new ShuffleResponseDecoder());
        assertThatThrownBy(() -> negative.writeInbound(Unpooled.buffer().writeInt(19).writeByte(0).writeLong(-1).writeLong(5)
                .writeShort(0))).hasMessageContaining("negative segment lengths");
        negative.finishAndReleaseAll();
    }

    private static void append(ByteArrayOutputStream wire, ShuffleHeader header) {
        ByteBuf frame = header.encode(ByteBufAllocator.DEFAULT);
        try {
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            wire.writeBytes(bytes);
        } finally {
            frame.release();
        }
    }
}
