package io.quarry.sql.functions;

import static io.quarry.sql.functions.Calls.call;
import static io.quarry.sql.functions.Calls.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DateFunctionsTest {
    private static final String LOG_PATTERN = "dd/MMM/yyyy:HH:mm:ss Z";

    private static long epoch(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void unixTimestampReadsALogTimestampWithItsOffset() {
        assertThat(call("UNIX_TIMESTAMP", "13/Mar/2025:14:03:07 +0000", LOG_PATTERN))
                .isEqualTo(epoch(2025, 3, 13, 14, 3, 7));
        assertThat(call("UNIX_TIMESTAMP", "13/Mar/2025:14:03:07 +0100", LOG_PATTERN))
                .isEqualTo(epoch(2025, 3, 13, 13, 3, 7));
    }

    @Test
    void unixTimestampDefaultsToHivesPatternInUtc() {
        assertThat(call("UNIX_TIMESTAMP", "2025-03-10 01:02:03")).isEqualTo(epoch(2025, 3, 10, 1, 2, 3));
        assertThat(call("UNIX_TIMESTAMP", "1970-01-01 00:00:00")).isEqualTo(0L);
        assertThat(call("UNIX_TIMESTAMP", LocalDateTime.of(2025, 3, 10, 1, 2, 3)))
                .isEqualTo(epoch(2025, 3, 10, 1, 2, 3));
        assertThat(call("UNIX_TIMESTAMP", LocalDate.of(2025, 3, 10))).isEqualTo(epoch(2025, 3, 10, 0, 0, 0));
    }

    @Test
    void unixTimestampIsNullForTextThatDoesNotParse() {
        assertThat(call("UNIX_TIMESTAMP", "11/Mar/2025:09:1", LOG_PATTERN)).isNull();
        assertThat(call("UNIX_TIMESTAMP", "13/Foo/2025:14:03:07 +0000", LOG_PATTERN)).isNull();
        assertThat(call("UNIX_TIMESTAMP", "", LOG_PATTERN)).isNull();
        assertThat(call("UNIX_TIMESTAMP", null, LOG_PATTERN)).isNull();
        assertThat(call("UNIX_TIMESTAMP", "2025-03-10", (Object) null)).isNull();
        assertThat(call("UNIX_TIMESTAMP", "not a date")).isNull();
    }

    @Test
    void unixTimestampIgnoresTrailingTextAndIsLenientAsSimpleDateFormat() {
        assertThat(call("UNIX_TIMESTAMP", "2025-03-10 01:02:03 and more")).isEqualTo(epoch(2025, 3, 10, 1, 2, 3));
        assertThat(call("UNIX_TIMESTAMP", "2025-03-32 00:00:00")).isEqualTo(epoch(2025, 4, 1, 0, 0, 0));
    }

    @Test
    void oneInstanceGivesTheRightAnswerWhenTheInputRepeatsAndChanges() {
        ScalarFunction f = instance("UNIX_TIMESTAMP");
        assertThat(f.apply(new Object[] {"13/Mar/2025:14:03:07 +0000", LOG_PATTERN})).isEqualTo(epoch(2025, 3, 13, 14, 3, 7));
        assertThat(f.apply(new Object[] {"13/Mar/2025:14:03:07 +0000", LOG_PATTERN})).isEqualTo(epoch(2025, 3, 13, 14, 3, 7));
        assertThat(f.apply(new Object[] {"bad", LOG_PATTERN})).isNull();
        assertThat(f.apply(new Object[] {"13/Mar/2025:14:03:08 +0000", LOG_PATTERN})).isEqualTo(epoch(2025, 3, 13, 14, 3, 8));
        assertThat(f.apply(new Object[] {"2025-03-13", "yyyy-MM-dd"})).isEqualTo(epoch(2025, 3, 13, 0, 0, 0));
    }

    @Test
    void aBadPatternNamesItself() {
        assertThatThrownBy(() -> call("UNIX_TIMESTAMP", "x", "yyyy-qq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yyyy-qq");
    }

    @Test
    void fromUnixtimePrintsUtc() {
        assertThat(call("FROM_UNIXTIME", 0L)).isEqualTo("1970-01-01 00:00:00");
        assertThat(call("FROM_UNIXTIME", epoch(2025, 3, 13, 14, 3, 7))).isEqualTo("2025-03-13 14:03:07");
        assertThat(call("FROM_UNIXTIME", (int) epoch(2025, 3, 13, 14, 3, 7), "yyyy-MM-dd")).isEqualTo("2025-03-13");
        assertThat(call("FROM_UNIXTIME", epoch(2025, 3, 13, 14, 3, 7), "dd/MMM/yyyy HH")).isEqualTo("13/Mar/2025 14");
        assertThat(call("FROM_UNIXTIME", (Object) null)).isNull();
    }

    @Test
    void toDateReadsStringsTimestampsAndDates() {
        assertThat(call("TO_DATE", "2025-03-13 14:03:07")).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(call("TO_DATE", "2025-03-13")).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(call("TO_DATE", LocalDateTime.of(2025, 3, 13, 23, 59))).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(call("TO_DATE", LocalDate.of(2025, 3, 13))).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(call("TO_DATE", "13/Mar/2025")).isNull();
        assertThat(call("TO_DATE", "2025-13-01")).isNull();
        assertThat(call("TO_DATE", (Object) null)).isNull();
    }

    @Test
    void theDailyTrafficExpressionGivesTheDay() {
        Object seconds = call("UNIX_TIMESTAMP", "16/Mar/2025:23:59:59 +0000", LOG_PATTERN);
        assertThat(call("TO_DATE", call("FROM_UNIXTIME", seconds))).isEqualTo(LocalDate.of(2025, 3, 16));
        Object nothing = call("UNIX_TIMESTAMP", null, LOG_PATTERN);
        assertThat(call("TO_DATE", call("FROM_UNIXTIME", nothing))).isNull();
    }

    @Test
    void datePartsReadStringsDatesAndTimestamps() {
        String ts = "2025-03-10 14:05:09";
        assertThat(call("YEAR", ts)).isEqualTo(2025);
        assertThat(call("MONTH", ts)).isEqualTo(3);
        assertThat(call("DAY", ts)).isEqualTo(10);
        assertThat(call("DAYOFMONTH", "2025-03-10")).isEqualTo(10);
        assertThat(call("HOUR", ts)).isEqualTo(14);
        assertThat(call("MINUTE", ts)).isEqualTo(5);
        assertThat(call("SECOND", ts)).isEqualTo(9);
        assertThat(call("HOUR", "2025-03-10")).isEqualTo(0);
        assertThat(call("HOUR", LocalDateTime.of(2025, 3, 10, 7, 0))).isEqualTo(7);
        assertThat(call("MONTH", LocalDate.of(2025, 12, 1))).isEqualTo(12);
        assertThat(call("WEEKOFYEAR", "2025-03-10")).isEqualTo(11);
        assertThat(call("QUARTER", "2025-03-31")).isEqualTo(1);
        assertThat(call("QUARTER", "2025-04-01")).isEqualTo(2);
        assertThat(call("DAYOFWEEK", "2025-03-09")).isEqualTo(1);
        assertThat(call("DAYOFWEEK", "2025-03-10")).isEqualTo(2);
    }

    @Test
    void timePartsAlsoReadABareTime() {
        assertThat(call("HOUR", "12:58:59")).isEqualTo(12);
        assertThat(call("MINUTE", "12:58:59")).isEqualTo(58);
        assertThat(call("SECOND", "12:58:59")).isEqualTo(59);
        assertThat(call("YEAR", "12:58:59")).isNull();
    }

    @Test
    void datePartsAreNullForWhatIsNoDate() {
        assertThat(call("YEAR", "13/Mar/2025:14:03:07 +0000")).isNull();
        assertThat(call("HOUR", "13/Mar/2025:14:03:07 +0000")).isNull();
        assertThat(call("HOUR", "25:00:00")).isNull();
        assertThat(call("MONTH", "")).isNull();
        assertThat(call("DAY", (Object) null)).isNull();
    }

    @Test
    void dateFormatPrintsWithASimpleDateFormatPattern() {
        assertThat(call("DATE_FORMAT", "2025-03-10 14:05:09", "yyyy/MM/dd HH")).isEqualTo("2025/03/10 14");
        assertThat(call("DATE_FORMAT", LocalDate.of(2025, 3, 10), "EEE, dd MMM yyyy")).isEqualTo("Mon, 10 Mar 2025");
        assertThat(call("DATE_FORMAT", LocalDateTime.of(2025, 3, 10, 1, 2, 3, 456_000_000), "HH:mm:ss.SSS"))
                .isEqualTo("01:02:03.456");
        assertThat(call("DATE_FORMAT", "junk", "yyyy")).isNull();
        assertThat(call("DATE_FORMAT", null, "yyyy")).isNull();
    }

    @Test
    void dayArithmetic() {
        assertThat(call("DATEDIFF", "2025-03-16 23:00:00", "2025-03-10")).isEqualTo(6);
        assertThat(call("DATEDIFF", LocalDate.of(2025, 3, 10), "2025-03-16")).isEqualTo(-6);
        assertThat(call("DATEDIFF", "bad", "2025-03-16")).isNull();
        assertThat(call("DATE_ADD", "2025-03-10", 7)).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(call("DATE_ADD", LocalDateTime.of(2025, 2, 28, 10, 0), 1)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(call("DATE_SUB", "2025-03-10", 10)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(call("DATE_SUB", "2025-03-10", null)).isNull();
        assertThat(call("ADD_MONTHS", "2025-01-31", 1)).isEqualTo("2025-02-28");
        assertThat(call("ADD_MONTHS", "2025-02-28", 1)).isEqualTo("2025-03-31");
        assertThat(call("ADD_MONTHS", "2025-01-15", -2)).isEqualTo("2024-11-15");
        assertThat(call("LAST_DAY", "2024-02-10")).isEqualTo("2024-02-29");
        assertThat(call("MONTHS_BETWEEN", "1997-02-28 10:30:00", "1996-10-30")).isEqualTo(3.94959677);
        assertThat(call("MONTHS_BETWEEN", "2025-03-31", "2025-02-28")).isEqualTo(1.0);
    }

    @Test
    void zoneShifts() {
        assertThat(call("FROM_UTC_TIMESTAMP", "2025-03-10 12:00:00", "America/Los_Angeles"))
                .isEqualTo(LocalDateTime.of(2025, 3, 10, 5, 0));
        assertThat(call("TO_UTC_TIMESTAMP", LocalDateTime.of(2025, 3, 10, 5, 0), "America/Los_Angeles"))
                .isEqualTo(LocalDateTime.of(2025, 3, 10, 12, 0));
    }
}
