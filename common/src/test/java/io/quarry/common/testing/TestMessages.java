package io.quarry.common.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarry.common.codec.MessageRegistrar;
import io.quarry.common.codec.MessageRegistry;
import io.quarry.common.rpc.Idempotent;

/**
 * Small messages for tests of the codec and the RPC layer. Wire ids 190-199 are reserved for these
 * test messages: no production message may use them. This registrar is listed in the test-jar's
 * {@code META-INF/services}, so every module's tests can send them.
 */
public final class TestMessages implements MessageRegistrar {
    public static final int FIRST_TEST_ID = 190;
    public static final int LAST_TEST_ID = 199;

    @Override
    public void register(MessageRegistry registry) {
        registry.register(190, Echo.class);
        registry.register(191, EchoReply.class);
        registry.register(192, Mutate.class);
        registry.register(193, Sample.class);
        registry.register(194, Inner.class);
        registry.register(195, Color.class);
        registry.register(196, Hang.class);
        // 197-199 are free for further test messages.
    }

    /** A request that is safe to repeat. */
    public record Echo(String text) implements Idempotent {
    }

    public record EchoReply(String text) {
    }

    /** A request that changes state, so it must not be sent twice. */
    public record Mutate(String text) {
    }

    /** A request that a test service never answers. */
    public record Hang(long id) implements Idempotent {
    }

    public enum Color { RED, GREEN, BLUE }

    public record Inner(String key, long value) {
    }

    /** A message with every shape the codec has to carry. Arrays compare by content. */
    public record Sample(String name, int count, long size, Color color, Inner inner, List<Inner> inners,
                         List<String> tags, Map<String, Long> sizes, byte[] data, long[] longs, int[] ints,
                         String nothing) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Sample s && name.equals(s.name) && count == s.count && size == s.size
                    && color == s.color && Objects.equals(inner, s.inner) && Objects.equals(inners, s.inners)
                    && Objects.equals(tags, s.tags) && Objects.equals(sizes, s.sizes) && Arrays.equals(data, s.data)
                    && Arrays.equals(longs, s.longs) && Arrays.equals(ints, s.ints) && Objects.equals(nothing, s.nothing);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, count, size);
        }

        @Override
        public String toString() {
            return "Sample[" + name + ", " + count + ", " + size + ", " + color + ", " + inner + ", " + inners + ", " + tags
                    + ", " + sizes + ", " + Arrays.toString(data) + ", " + Arrays.toString(longs) + ", " + Arrays.toString(ints)
                    + ", " + nothing + "]";
        }
    }
}
