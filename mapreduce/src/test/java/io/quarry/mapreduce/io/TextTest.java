package io.quarry.mapreduce.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TextTest {

    @Test
    void holdsUtf8BytesOfItsString() {
        Text text = new Text("héllo 日本");
        assertThat(text.length()).isEqualTo("héllo 日本".getBytes(StandardCharsets.UTF_8).length);
        assertThat(text.toString()).isEqualTo("héllo 日本");
        assertThat(new Text().length()).isZero();
        assertThat(new Text().toString()).isEmpty();
    }

    @Test
    void setCopiesARangeAndReusesItsArrayWhenLargeEnough() {
        Text text = new Text("a longer first value");
        byte[] before = text.bytes();
        byte[] source = "xxabcxx".getBytes(StandardCharsets.US_ASCII);
        text.set(source, 2, 3);
        assertThat(text.toString()).isEqualTo("abc");
        assertThat(text.bytes()).isSameAs(before);
        source[2] = 'z';
        assertThat(text.toString()).as("a copy, not a view").isEqualTo("abc");
        text.set(new byte[100], 0, 100);
        assertThat(text.length()).isEqualTo(100);
    }

    @Test
    void copiesAreIndependent() {
        Text original = new Text("one");
        Text copy = new Text(original);
        original.set("two");
        assertThat(copy.toString()).isEqualTo("one");
        copy.set(original);
        assertThat(copy).isEqualTo(original);
        copy.clear();
        assertThat(copy.length()).isZero();
        assertThat(copy).isEqualTo(new Text(""));
    }

    @Test
    void ordersByUnsignedBytesSoNonAsciiSortsAfterAscii() {
        assertThat(new Text("z").compareTo(new Text("é"))).isNegative();
        assertThat(new Text("ab").compareTo(new Text("abc"))).isNegative();
        assertThat(new Text("b").compareTo(new Text("abc"))).isPositive();
        assertThat(new Text("same").compareTo(new Text("same"))).isZero();
    }

    @Test
    void equalityAndHashIgnoreSpareCapacity() {
        Text grown = new Text("a much longer value than needed");
        grown.set("key".getBytes(StandardCharsets.US_ASCII), 0, 3);
        Text exact = new Text("key");
        assertThat(grown).isEqualTo(exact);
        assertThat(grown.hashCode()).isEqualTo(exact.hashCode());
        assertThat(grown).isNotEqualTo(new Text("kez"));
    }

    @Test
    void hashIsStableAcrossProcesses() {
        // Partitions depend on it: pin the value (31 * h + b from 1, over signed bytes).
        assertThat(new Text("").hashCode()).isEqualTo(1);
        assertThat(new Text("ab").hashCode()).isEqualTo(31 * (31 + 'a') + 'b');
        assertThat(new Text("é").hashCode()).isEqualTo(31 * (31 + (byte) 0xC3) + (byte) 0xA9);
    }
}
