package io.quarry.common.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RpcError;
import io.quarry.common.rpc.RpcRequest;
import io.quarry.common.rpc.RpcResponse;
import io.quarry.common.testing.TestMessages;
import io.quarry.common.testing.TestMessages.Color;
import io.quarry.common.testing.TestMessages.Echo;
import io.quarry.common.testing.TestMessages.Inner;
import io.quarry.common.testing.TestMessages.Sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class KryoCodecTest {
    private final KryoCodec codec = KryoCodec.shared();

    /** Not registered anywhere. */
    record Unregistered(String text) {
    }

    static Sample sample() {
        Map<String, Long> sizes = new HashMap<>();
        sizes.put("a", 1L);
        sizes.put("b", null);
        return new Sample("name-é-日本", -7, Long.MAX_VALUE, Color.GREEN, new Inner("k", 42),
                new ArrayList<>(List.of(new Inner("x", 1), new Inner("y", -1))), List.of("t1", "t2", "t3", "t4"),
                sizes, new byte[] {0, -1, 127, -128}, new long[] {Long.MIN_VALUE, 0, 5}, new int[] {3, 2, 1}, null);
    }

    private Object roundTrip(Object message) {
        return codec.decode(codec.encode(message));
    }

    @Test
    void nestedRecordWithCollectionsArraysEnumsAndNullsRoundTrips() {
        Sample sample = sample();
        assertThat(roundTrip(sample)).isEqualTo(sample);
    }

    @Test
    void emptyAndNullFieldsRoundTrip() {
        Sample sparse = new Sample("", 0, 0, null, null, new ArrayList<>(), List.of(), Map.of(), new byte[0], null, new int[0], null);
        assertThat(roundTrip(sparse)).isEqualTo(sparse);
    }

    @Test
    void immutableCollectionsDecodeImmutableAndMutableOnesMutable() {
        Object list = roundTrip(List.of("a", "b", "c"));
        assertThat(list).isEqualTo(List.of("a", "b", "c"));
        assertThatThrownBy(() -> ((List<?>) list).clear()).isInstanceOf(UnsupportedOperationException.class);
        Object arrayList = roundTrip(new ArrayList<>(List.of(1, 2)));
        assertThat(arrayList).isInstanceOf(ArrayList.class).isEqualTo(List.of(1, 2));
        assertThat(roundTrip(List.of())).isEqualTo(List.of());
        assertThat(roundTrip(List.of(1))).isEqualTo(List.of(1));
        assertThat(roundTrip(Map.of("k", 1L))).isEqualTo(Map.of("k", 1L));
        assertThat(roundTrip(Map.of("k", 1L, "j", 2L))).isEqualTo(Map.of("k", 1L, "j", 2L));
        assertThat(roundTrip(new HashMap<>(Map.of(1, "x")))).isInstanceOf(HashMap.class).isEqualTo(Map.of(1, "x"));
        assertThat(roundTrip(Set.of("s"))).isEqualTo(Set.of("s"));
        assertThat(roundTrip(new HashSet<>(Set.of(1, 2, 3)))).isEqualTo(Set.of(1, 2, 3));
    }

    @Test
    void envelopesRoundTrip() {
        RpcRequest request = new RpcRequest(9, "client-1", "alice", 1000, new Echo("hi"));
        assertThat(roundTrip(request)).isEqualTo(request);
        RpcResponse failure = RpcResponse.failure(9, new RpcError(19, "safe mode"));
        assertThat(roundTrip(failure)).isEqualTo(failure);
        assertThat(roundTrip(RpcResponse.success(3, Ack.INSTANCE))).isEqualTo(RpcResponse.success(3, Ack.INSTANCE));
        assertThat(roundTrip(null)).isNull();
        assertThat(roundTrip("plain")).isEqualTo("plain");
        assertThat(roundTrip(Color.BLUE)).isEqualTo(Color.BLUE);
    }

    @Test
    void unregisteredClassCannotBeEncoded() {
        assertThatThrownBy(() -> codec.encode(new Unregistered("x")))
                .isInstanceOf(CodecException.class).hasMessageContaining(Unregistered.class.getName());
        assertThatThrownBy(() -> codec.encode(new Echo[] {new Echo("x")})).isInstanceOf(CodecException.class);
        assertThatCode(() -> codec.encode(new Sample("n", 0, 0, null, null, List.of(), List.of(), Map.of(),
                null, null, null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void unregisteredClassInsideARegisteredOneCannotBeEncoded() {
        assertThatThrownBy(() -> codec.encode(List.of(new Unregistered("x")))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> codec.encode(new RpcRequest(1, "c", "u", 10, new Unregistered("x"))))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void bytesOfAClassRegisteredOnlyElsewhereCannotBeDecoded() {
        MessageRegistry writerRegistry = new MessageRegistry();
        writerRegistry.register(150, Unregistered.class);
        byte[] bytes = new KryoCodec(writerRegistry).encode(new Unregistered("payload"));
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(CodecException.class).hasMessageContaining("unregistered");
    }

    @Test
    void clashingIdIsRejectedNamingBothClasses() {
        MessageRegistry registry = new MessageRegistry();
        registry.register(150, Echo.class);
        registry.register(150, Echo.class); // the same registration twice is harmless
        assertThatThrownBy(() -> registry.register(150, Unregistered.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("150").hasMessageContaining(Echo.class.getName()).hasMessageContaining(Unregistered.class.getName());
    }

    @Test
    void oneClassUnderTwoIdsIsRejected() {
        MessageRegistry registry = new MessageRegistry();
        registry.register(150, Echo.class);
        assertThatThrownBy(() -> registry.register(151, Echo.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("150").hasMessageContaining("151").hasMessageContaining(Echo.class.getName());
    }

    @Test
    void reservedIdsAreRejected() {
        MessageRegistry registry = new MessageRegistry();
        assertThatThrownBy(() -> registry.register(99, Echo.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
        assertThatThrownBy(() -> registry.register(-1, Echo.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testMessagesUseTheReservedTestRange() {
        MessageRegistry registry = new MessageRegistry();
        new TestMessages().register(registry);
        assertThat(registry.registrations().keySet())
                .allSatisfy(id -> assertThat(id).isBetween(TestMessages.FIRST_TEST_ID, TestMessages.LAST_TEST_ID));
    }

    @Test
    void deeplyNestedMessagesWithinTheLimitRoundTrip() {
        Object nested = "leaf";
        for (int i = 0; i < 20; i++) {
            nested = List.of(nested);
        }
        assertThat(roundTrip(nested)).isEqualTo(nested);
    }

    @Test
    void messageNestedBeyondTheLimitCannotBeEncoded() {
        Object nested = "leaf";
        for (int i = 0; i < KryoCodec.MAX_DEPTH + 5; i++) {
            nested = List.of(nested);
        }
        Object tooDeep = nested;
        assertThatThrownBy(() -> codec.encode(tooDeep)).isInstanceOf(CodecException.class);
    }

    @Test
    void objectArraysRoundTrip() {
        Object[] mixed = roundTripArray(new Object[] {"a", 1, null, List.of(2)});
        assertThat(mixed).containsExactly("a", 1, null, List.of(2));
        assertThat(roundTripArray(new String[] {"x", null, "z"})).isInstanceOf(String[].class).containsExactly("x", null, "z");
    }

    private Object[] roundTripArray(Object[] array) {
        return (Object[]) roundTrip(array);
    }

    @Test
    void longStringsRoundTripInAsciiAndUtf8() {
        String ascii = "a".repeat(100_000);
        String utf8 = "é日".repeat(50_000);
        assertThat(roundTrip(ascii)).isEqualTo(ascii);
        assertThat(roundTrip(utf8)).isEqualTo(utf8);
        assertThat(roundTrip("")).isEqualTo("");
        assertThat(roundTrip(new Echo(null))).isEqualTo(new Echo(null));
    }

    @Test
    void largeMessageDoesNotLeaveItsBufferInThePool() {
        KryoCodec fresh = new KryoCodec(new MessageRegistry());
        String big = "b".repeat(4 * KryoCodec.MAX_POOLED_BUFFER);
        assertThat(fresh.decode(fresh.encode(big))).isEqualTo(big);
        assertThat(fresh.pooledBufferBytes()).isLessThanOrEqualTo(KryoCodec.MAX_POOLED_BUFFER);
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] good = codec.encode(new Echo("x"));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
        assertThatThrownBy(() -> codec.decode(longer)).isInstanceOf(CodecException.class).hasMessageContaining("3 trailing bytes");
    }

    @Test
    void decodesARangeOfALargerArray() {
        byte[] good = codec.encode(new Echo("ranged"));
        byte[] padded = new byte[good.length + 10];
        System.arraycopy(good, 0, padded, 5, good.length);
        assertThat(codec.decode(padded, 5, good.length)).isEqualTo(new Echo("ranged"));
    }

    @Test
    void everyTruncationOfAValidMessageIsRejected() {
        byte[] full = codec.encode(sample());
        for (int length = 0; length < full.length; length++) {
            int cut = length;
            assertThatThrownBy(() -> codec.decode(full, 0, cut)).as("truncated to %d of %d bytes", cut, full.length)
                    .isInstanceOf(CodecException.class);
        }
    }
}
