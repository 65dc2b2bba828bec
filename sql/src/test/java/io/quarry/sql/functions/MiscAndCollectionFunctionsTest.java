package io.quarry.sql.functions;

import static io.quarry.sql.functions.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MiscAndCollectionFunctionsTest {
    @Test
    void arrays() {
        assertThat(call("SIZE", List.of("a", "b"))).isEqualTo(2);
        assertThat(call("SIZE", (Object) null)).isEqualTo(-1);
        assertThat(call("SIZE", call("SPLIT", "a,b,c", ","))).isEqualTo(3);
        assertThat(call("ARRAY_CONTAINS", List.of("a", "b"), "b")).isEqualTo(true);
        assertThat(call("ARRAY_CONTAINS", List.of(1, 2), 3)).isEqualTo(false);
        assertThat(call("ARRAY_CONTAINS", null, "b")).isNull();
        assertThat(call("SORT_ARRAY", Arrays.asList("b", null, "a"))).isEqualTo(Arrays.asList(null, "a", "b"));
    }

    @Test
    void formatNumberRoundsHalfEvenWithGrouping() {
        assertThat(call("FORMAT_NUMBER", 12332.123456, 4)).isEqualTo("12,332.1235");
        assertThat(call("FORMAT_NUMBER", 1234567L, 0)).isEqualTo("1,234,567");
        assertThat(call("FORMAT_NUMBER", 2.5, 0)).isEqualTo("2");
        assertThat(call("FORMAT_NUMBER", 12332.2, "##0.###")).isEqualTo("12332.2");
        assertThat(call("FORMAT_NUMBER", 1.0, -1)).isNull();
        assertThat(call("FORMAT_NUMBER", null, 2)).isNull();
    }

    @Test
    void printfFormatsTheUsWay() {
        assertThat(call("PRINTF", "%s has %d hits (%.1f%%)", "/index.html", 42L, 12.34)).isEqualTo("/index.html has 42 hits (12.3%)");
        assertThat(call("PRINTF", null, 1)).isNull();
        assertThatThrownBy(() -> call("PRINTF", "%d", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("%d");
    }

    @Test
    void hashes() {
        assertThat(call("MD5", "ABC")).isEqualTo("902fbdd2b1df0c4f70b4a5d23525e932");
        assertThat(call("SHA1", "ABC")).isEqualTo("3c01bdbb26f358bab27f267924aa2c9a03fcfdb8");
        assertThat(call("SHA2", "ABC", 256)).isEqualTo("b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78");
        assertThat(call("SHA2", "ABC", 100)).isNull();
        assertThat(call("CRC32", "ABC")).isEqualTo(2743272264L);
        assertThat(call("MD5", (Object) null)).isNull();
    }

    @Test
    void stringDistancesAndChoices() {
        assertThat(call("LEVENSHTEIN", "kitten", "sitting")).isEqualTo(3);
        assertThat(call("LEVENSHTEIN", "", "abc")).isEqualTo(3);
        assertThat(call("SOUNDEX", "Robert")).isEqualTo("R163");
        assertThat(call("SOUNDEX", "Ashcraft")).isEqualTo("A261");
        assertThat(call("SOUNDEX", "Tymczak")).isEqualTo("T522");
        assertThat(call("SOUNDEX", "Pfister")).isEqualTo("P236");
        assertThat(call("SOUNDEX", "123")).isEqualTo("");
        assertThat(call("ELT", 2, "a", "b", "c")).isEqualTo("b");
        assertThat(call("ELT", 4, "a", "b", "c")).isNull();
        assertThat(call("FIELD", "b", "a", "b")).isEqualTo(2);
        assertThat(call("FIELD", "z", "a", "b")).isEqualTo(0);
        assertThat(call("FIELD", null, "a")).isEqualTo(0);
        assertThat(call("HEX", 255)).isEqualTo("FF");
        assertThat(call("HEX", -1L)).isEqualTo("FFFFFFFFFFFFFFFF");
        assertThat(call("HEX", "Facebook")).isEqualTo("46616365626F6F6B");
        assertThat(call("BIN", 13)).isEqualTo("1101");
    }

    @Test
    void truncAndNextDay() {
        assertThat(call("TRUNC", "2025-03-13 10:00:00", "MM")).isEqualTo("2025-03-01");
        assertThat(call("TRUNC", "2025-08-13", "Q")).isEqualTo("2025-07-01");
        assertThat(call("TRUNC", "2025-08-13", "YEAR")).isEqualTo("2025-01-01");
        assertThat(call("TRUNC", "2025-08-13", "DD")).isNull();
        assertThat(call("NEXT_DAY", "2025-03-13", "MO")).isEqualTo("2025-03-17");
        assertThat(call("NEXT_DAY", "2025-03-13", "thursday")).isEqualTo("2025-03-20");
        assertThat(call("NEXT_DAY", "2025-03-13", "xx")).isNull();
    }
}
