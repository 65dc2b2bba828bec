package io.quarry.sql.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ColumnTypeTest {
    @Test
    void intParsesSignedDigitsAndDropsAFraction() {
        assertThat(ColumnType.INT.parse("42")).isEqualTo(42);
        assertThat(ColumnType.INT.parse("-7")).isEqualTo(-7);
        assertThat(ColumnType.INT.parse("+7")).isEqualTo(7);
        assertThat(ColumnType.INT.parse("12.9")).isEqualTo(12);
        assertThat(ColumnType.INT.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(ColumnType.INT.parse("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void intIsNullForNonNumbersAndOverflow() {
        for (String bad : new String[] {"", "-", "+", "abc", "12a", " 12", "2147483648", "-2147483649", "1.2.3", ".5", "1e3"}) {
            assertThat(ColumnType.INT.parse(bad)).as("'%s'", bad).isNull();
        }
    }

    @Test
    void bigintCoversTheWholeLongRange() {
        assertThat(ColumnType.BIGINT.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(ColumnType.BIGINT.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(ColumnType.BIGINT.parse("9223372036854775808")).isNull();
        assertThat(ColumnType.BIGINT.parse("-9223372036854775809")).isNull();
        assertThat(ColumnType.BIGINT.parse("-9223372036854775808x")).isNull();
        assertThat(ColumnType.BIGINT.parse("-9223372036854775808.x")).isNull();
        assertThat(ColumnType.BIGINT.parse("-9223372036854775808.25")).isEqualTo(Long.MIN_VALUE);
        assertThat(ColumnType.BIGINT.parse("1234567890123")).isEqualTo(1234567890123L);
    }

    @Test
    void doubleFollowsJavaSyntaxAndIsNullOtherwise() {
        assertThat(ColumnType.DOUBLE.parse("1.5")).isEqualTo(1.5);
        assertThat(ColumnType.DOUBLE.parse("-2e3")).isEqualTo(-2000.0);
        assertThat(ColumnType.DOUBLE.parse(" 3 ")).isEqualTo(3.0);
        assertThat(ColumnType.DOUBLE.parse("NaN")).isEqualTo(Double.NaN);
        assertThat(ColumnType.DOUBLE.parse("")).isNull();
        assertThat(ColumnType.DOUBLE.parse("x1")).isNull();
        assertThat(ColumnType.DOUBLE.parse("1.5.6")).isNull();
    }

    @Test
    void booleanIsTrueOrFalseInAnyCase() {
        assertThat(ColumnType.BOOLEAN.parse("TRUE")).isEqualTo(true);
        assertThat(ColumnType.BOOLEAN.parse("false")).isEqualTo(false);
        assertThat(ColumnType.BOOLEAN.parse("yes")).isNull();
        assertThat(ColumnType.BOOLEAN.parse("1")).isNull();
        assertThat(ColumnType.BOOLEAN.parse("truex")).isNull();
    }

    @Test
    void timestampAcceptsDateTimeWithOptionalSecondsAndFraction() {
        assertThat(ColumnType.TIMESTAMP.parse("2024-03-05 07:08:09")).isEqualTo(LocalDateTime.of(2024, 3, 5, 7, 8, 9));
        assertThat(ColumnType.TIMESTAMP.parse("2024-03-05T07:08:09.123"))
                .isEqualTo(LocalDateTime.of(2024, 3, 5, 7, 8, 9, 123_000_000));
        assertThat(ColumnType.TIMESTAMP.parse("2024-03-05 07:08")).isEqualTo(LocalDateTime.of(2024, 3, 5, 7, 8));
        assertThat(ColumnType.TIMESTAMP.parse("2024-03-05")).isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0));
    }

    @Test
    void timestampIsNullForMalformedOrImpossibleValues() {
        for (String bad : new String[] {"", "2024-02-30 00:00:00", "2024-03-05 25:00:00", "2024-03-05 07:08:09x",
                "05/Mar/2024:07:08:09 +0000", "2024-03-05 07", "2024-03-05 07:08:09.", "24-03-05"}) {
            assertThat(ColumnType.TIMESTAMP.parse(bad)).as("'%s'", bad).isNull();
        }
    }

    @Test
    void dateReadsTheDatePartAndIgnoresATime() {
        assertThat(ColumnType.DATE.parse("2024-03-05")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ColumnType.DATE.parse("2024-3-5")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ColumnType.DATE.parse("2024-03-05 10:11:12")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ColumnType.DATE.parse("2024-13-01")).isNull();
        assertThat(ColumnType.DATE.parse("2024-03-05x")).isNull();
        assertThat(ColumnType.DATE.parse("today")).isNull();
    }

    @Test
    void stringIsTheTextItselfAndParsesARegionOfALine() {
        assertThat(ColumnType.STRING.parse("")).isEqualTo("");
        assertThat(ColumnType.STRING.parse("abc,def", 4, 7)).isEqualTo("def");
        assertThat(ColumnType.INT.parse("ab123cd", 2, 5)).isEqualTo(123);
    }

    @Test
    void typesAreFoundByNameInAnyCase() {
        assertThat(ColumnType.fromName("bigint")).contains(ColumnType.BIGINT);
        assertThat(ColumnType.fromName("Integer")).contains(ColumnType.INT);
        assertThat(ColumnType.fromName("varchar")).isEmpty();
    }
}
