package io.quarry.common.codec;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.Consumer;

import com.esotericsoftware.kryo.io.Output;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RpcRequest;
import io.quarry.common.testing.Seeds;
import io.quarry.common.testing.TestMessages.Echo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bytes from the network are hostile until decoded: each case must fail with a
 * {@link CodecException}, quickly, without an OutOfMemoryError and without allocating much more
 * memory than the frame holds.
 */
@Timeout(30)
class HostileInputTest {
    /** Far more than any decode of a few bytes needs, far less than a huge declared length would cost. */
    private static final long ALLOCATION_LIMIT = 16L << 20;
    /** Kryo writes a class as its registration id + 2 (0 is null, 1 a class name). */
    private static final int STRING_CLASS = 1 + 2;

    private final KryoCodec codec = KryoCodec.shared();

    private static byte[] bytes(Consumer<Output> writer) {
        Output output = new Output(64, -1);
        writer.accept(output);
        return output.toBytes();
    }

    private static int classTag(int id) {
        return id + 2;
    }

    private void assertRejectedCheaply(String what, byte[] frame) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> codec.decode(frame)).as(what).isInstanceOf(CodecException.class);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated while rejecting %s", what).isLessThan(ALLOCATION_LIMIT);
    }

    @Test
    void hugeUtf8StringLengthIsRejected() {
        for (int count : new int[] {100_000_000, 1_000_000_000, Integer.MAX_VALUE - 1}) {
            assertRejectedCheaply("string of " + count + " chars", bytes(o -> {
                o.writeVarInt(STRING_CLASS, true);
                o.writeVarIntFlag(true, count + 1, true);
                o.writeBytes(new byte[] {'a', 'b', 'c'});
            }));
        }
    }

    @Test
    void hugeStringInsideARecordIsRejected() {
        assertRejectedCheaply("Echo with a huge string", bytes(o -> {
            o.writeVarInt(classTag(190), true);
            o.writeVarIntFlag(true, 300_000_000, true);
            o.writeBytes(new byte[] {'a', 'b'});
        }));
    }

    @Test
    void hugeListSizesAreRejected() {
        for (int id : new int[] {23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34}) {
            for (int size : new int[] {50_000_000, Integer.MAX_VALUE}) {
                assertRejectedCheaply("collection id " + id + " of " + size, bytes(o -> {
                    o.writeVarInt(classTag(id), true);
                    o.writeVarInt(size, true);
                    o.writeBytes(new byte[] {1, 2, 3});
                }));
            }
        }
    }

    @Test
    void hugePrimitiveArrayLengthsAreRejected() {
        for (int id : new int[] {20, 21, 22}) {
            for (int length : new int[] {100_000_000, Integer.MAX_VALUE}) {
                assertRejectedCheaply("array id " + id + " of " + length, bytes(o -> {
                    o.writeVarInt(classTag(id), true);
                    o.writeVarInt(length, true);
                    o.writeBytes(new byte[] {1, 2, 3});
                }));
            }
        }
    }

    @Test
    void hugeObjectArrayLengthsAreRejected() {
        for (int id : new int[] {35, 36}) {
            for (int length : new int[] {100_000_000, Integer.MAX_VALUE}) {
                assertRejectedCheaply("object array id " + id + " of " + length, bytes(o -> {
                    o.writeVarInt(classTag(id), true);
                    o.writeVarInt(length, true);
                    o.writeBytes(new byte[] {1, 2, 3});
                }));
            }
        }
    }

    @Test
    void unknownClassIdsAndClassNamesAreRejected() {
        assertRejectedCheaply("unregistered id", bytes(o -> o.writeVarInt(classTag(4000), true)));
        assertRejectedCheaply("class by name", bytes(o -> {
            o.writeVarInt(1, true);
            o.writeString("java.util.concurrent.ConcurrentHashMap");
        }));
        assertRejectedCheaply("negative-looking id", bytes(o -> o.writeVarInt(-5, true)));
    }

    @Test
    void deeplyNestedListsAreRejectedWithoutStackOverflow() {
        int depth = 200_000;
        byte[] frame = bytes(o -> {
            for (int i = 0; i < depth; i++) {
                o.writeVarInt(classTag(23), true);
                o.writeVarInt(1, true);
            }
            o.writeVarInt(0, true);
        });
        assertThatThrownBy(() -> codec.decode(frame)).isInstanceOf(CodecException.class);
    }

    @Test
    void everySingleByteChangeOfARequestDecodesOrFailsAsCodecException() {
        // Covers fields that the records' own constructors refuse, e.g. a zero timeout or a null body.
        byte[] valid = codec.encode(new RpcRequest(1, "c", "u", 5, Ack.INSTANCE));
        for (int i = 0; i < valid.length; i++) {
            for (int value : new int[] {0, 1, 0x7f, 0x80, 0xff}) {
                byte[] changed = valid.clone();
                changed[i] = (byte) value;
                try {
                    codec.decode(changed);
                } catch (CodecException expected) {
                    // fine
                }
            }
        }
    }

    @Test
    void randomGarbageNeverEscapesAsAnythingButCodecException() {
        long seed = Seeds.seed("randomGarbageNeverEscapesAsAnythingButCodecException");
        Random random = new Random(seed);
        byte[] valid = codec.encode(KryoCodecTest.sample());
        byte[] request = codec.encode(new RpcRequest(7, "client", "user", 1000, new Echo("hello")));
        for (int i = 0; i < 5000; i++) {
            byte[] frame;
            switch (i % 3) {
                case 0 -> {
                    frame = new byte[random.nextInt(64)];
                    random.nextBytes(frame);
                }
                case 1 -> frame = mutate(valid, random);
                default -> frame = mutate(request, random);
            }
            try {
                codec.decode(frame);
            } catch (CodecException expected) {
                // the only acceptable failure
            } catch (Throwable other) {
                throw new AssertionError("seed " + seed + ", input " + i + ": " + other, other);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] copy = original.clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(4) == 0 ? java.util.Arrays.copyOf(copy, random.nextInt(copy.length + 1)) : copy;
    }
}
