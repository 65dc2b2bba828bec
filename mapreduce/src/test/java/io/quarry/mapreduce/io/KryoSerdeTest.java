package io.quarry.mapreduce.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KryoSerdeTest {

    record PageView(String url, long timestamp, List<String> tags, Map<String, Integer> counts, Kind kind) {
    }

    enum Kind { DESKTOP, MOBILE }

    /** A mutable user type with a no-argument constructor and a nested object. */
    static final class Session {
        String user;
        int clicks;
        PageView last;
        List<PageView> history = new ArrayList<>();
    }

    /** A user type without a no-argument constructor. */
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    @Test
    void userRecordsRoundTrip() {
        KryoSerde<PageView> serde = new KryoSerde<>(PageView.class);
        PageView view = new PageView("/index.html", 1_700_000_000_000L, List.of("a", "日本"), Map.of("x", 1), Kind.MOBILE);
        assertThat(roundTrip(serde, view)).isEqualTo(view);
        assertThat(serde.bytesOrdered()).isFalse();
        assertThat(Serdes.forClass(PageView.class)).isInstanceOf(KryoSerde.class);
    }

    @Test
    void mutableUserClassesWithNestedValuesRoundTrip() {
        KryoSerde<Session> serde = new KryoSerde<>(Session.class);
        Session session = new Session();
        session.user = "alice";
        session.clicks = 3;
        session.last = new PageView("/a", 1, List.of(), Map.of(), Kind.DESKTOP);
        session.history.add(session.last);
        session.history.add(null);
        Session back = roundTrip(serde, session);
        assertThat(back.user).isEqualTo("alice");
        assertThat(back.clicks).isEqualTo(3);
        assertThat(back.last).isEqualTo(session.last);
        assertThat(back.history).containsExactly(session.last, null);
    }

    @Test
    void classesWithoutANoArgumentConstructorRoundTrip() {
        Point back = roundTrip(new KryoSerde<>(Point.class), new Point(3, -4));
        assertThat(back.x).isEqualTo(3);
        assertThat(back.y).isEqualTo(-4);
    }

    @Test
    void valuesAreReadFromTheMiddleOfAnArrayAndTheSerdeIsReusable() {
        KryoSerde<PageView> serde = new KryoSerde<>(PageView.class);
        OutputBuffer out = new OutputBuffer();
        out.write(new byte[] {9, 9, 9}, 0, 3);
        PageView first = new PageView("/first", 1, List.of(), Map.of(), Kind.DESKTOP);
        serde.write(first, out);
        int firstEnd = out.length();
        PageView second = new PageView("/second".repeat(100), 2, List.of("t"), Map.of(), Kind.MOBILE);
        serde.write(second, out);
        byte[] bytes = Arrays.copyOf(out.bytes(), out.length());
        assertThat(serde.read(bytes, 3, firstEnd - 3, null)).isEqualTo(first);
        assertThat(serde.read(bytes, firstEnd, bytes.length - firstEnd, null)).isEqualTo(second);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        OutputBuffer out = new OutputBuffer();
        serde.write(value, out);
        return serde.read(out.bytes(), 0, out.length(), null);
    }
}
