package io.quarry.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.sql.format.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HiveValuesTest {
    @Test
    void stringFormsAreHives() {
        assertThat(HiveValues.toStr(12)).isEqualTo("12");
        assertThat(HiveValues.toStr(12L)).isEqualTo("12");
        assertThat(HiveValues.toStr(0.1)).isEqualTo("0.1");
        assertThat(HiveValues.toStr(1.2345E7)).isEqualTo("1.2345E7");
        assertThat(HiveValues.toStr(false)).isEqualTo("false");
        assertThat(HiveValues.toStr(LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
        assertThat(HiveValues.toStr(LocalDateTime.of(2025, 3, 1, 0, 0))).isEqualTo("2025-03-01 00:00:00");
        assertThat(HiveValues.toStr(LocalDateTime.of(2025, 3, 1, 0, 0, 0, 120_000_000))).isEqualTo("2025-03-01 00:00:00.12");
        assertThat(HiveValues.toStr(null)).isNull();
    }

    @Test
    void numbersFromOtherValuesOrNull() {
        assertThat(HiveValues.toLong("42")).isEqualTo(42L);
        assertThat(HiveValues.toLong("4.9")).isEqualTo(4L);
        assertThat(HiveValues.toLong("x")).isNull();
        assertThat(HiveValues.toLong(7.9)).isEqualTo(7L);
        assertThat(HiveValues.toLong(Double.NaN)).isNull();
        assertThat(HiveValues.toLong(new BigDecimal("5.5"))).isEqualTo(5L);
        assertThat(HiveValues.toInt(3L)).isEqualTo(3);
        assertThat(HiveValues.toInt("-")).isNull();
        assertThat(HiveValues.toDouble(" 2.5 ")).isEqualTo(2.5);
        assertThat(HiveValues.toDouble("abc")).isNull();
        assertThat(HiveValues.toDouble(true)).isEqualTo(1.0);
        assertThat(HiveValues.toDouble(new BigDecimal("0.05"))).isEqualTo(0.05);
    }

    @Test
    void datesFromStringsDatesAndTimestamps() {
        assertThat(HiveValues.toDate("2025-03-10 12:00:00")).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(HiveValues.toDate(LocalDateTime.of(2025, 3, 10, 23, 0))).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(HiveValues.toDate("10/03/2025")).isNull();
        assertThat(HiveValues.toDate(5)).isNull();
        assertThat(HiveValues.toTimestamp("2025-03-10 12:34:56")).isEqualTo(LocalDateTime.of(2025, 3, 10, 12, 34, 56));
        assertThat(HiveValues.toTimestamp("2025-03-10")).isEqualTo(LocalDateTime.of(2025, 3, 10, 0, 0));
        assertThat(HiveValues.toTimestamp(LocalDate.of(2025, 3, 10))).isEqualTo(LocalDateTime.of(2025, 3, 10, 0, 0));
        assertThat(HiveValues.toTimestamp("junk")).isNull();
    }

    @Test
    void coerceGivesTheDeclaredTypesClass() {
        assertThat(HiveValues.coerce(1, ColumnType.DOUBLE)).isEqualTo(1.0);
        assertThat(HiveValues.coerce(1, ColumnType.BIGINT)).isEqualTo(1L);
        assertThat(HiveValues.coerce(2.0, ColumnType.STRING)).isEqualTo("2.0");
        assertThat(HiveValues.coerce("2025-03-10", ColumnType.DATE)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(HiveValues.coerce(List.of("a"), ColumnType.STRING)).isEqualTo(List.of("a"));
        assertThat(HiveValues.coerce(null, ColumnType.INT)).isNull();
        assertThat(HiveValues.coerce("", ColumnType.BOOLEAN)).isEqualTo(false);
    }
}
