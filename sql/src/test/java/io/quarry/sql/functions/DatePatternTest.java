package io.quarry.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Random;
import java.util.SimpleTimeZone;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fast path gives SimpleDateFormat's answers, on well-formed and damaged input. */
@Timeout(30)
class DatePatternTest {
    private static final String[] PATTERNS = {"dd/MMM/yyyy:HH:mm:ss Z", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
        "yyyy/MM/dd HH:mm:ss.SSS", "HH:mm", "dd.MM.yyyy 'at' HH:mm", "MMM dd yyyy", "yyyyMMdd", "d/M/yy H:m",
        "EEE, dd MMM yyyy HH:mm:ss Z", "''yyyy''"};

    private static SimpleDateFormat reference(String pattern, TimeZone zone) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.US);
        format.setTimeZone(zone);
        return format;
    }

    private static Long expectedSeconds(String pattern, String text) {
        Date date = reference(pattern, TimeZone.getTimeZone("UTC")).parse(text, new ParsePosition(0));
        return date == null ? null : date.getTime() / 1000;
    }

    private static String damage(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "9" + text.substring(at + 1);
            case 2 -> text.substring(0, at) + " " + text.substring(at);
            case 3 -> text.toLowerCase(Locale.ROOT);
            case 4 -> text + "xyz";
            case 5 -> text.substring(0, at) + text.substring(at + 1);
            case 6 -> text.replace("Mar", "March");
            default -> text;
        };
    }

    @Test
    void parsingMatchesSimpleDateFormat() {
        long seed = Seeds.seed("DatePatternTest.parsingMatchesSimpleDateFormat");
        Random random = new Random(seed);
        for (int i = 0; i < 4_000; i++) {
            String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
            long millis = (long) (random.nextDouble() * 8_000_000_000_000L) - 2_200_000_000_000L;
            int offsetMinutes = (random.nextInt(49) - 24) * 30;
            String text = reference(pattern, new SimpleTimeZone(offsetMinutes * 60_000, "x")).format(new Date(millis));
            if (random.nextBoolean()) {
                text = damage(text, random);
            }
            DateFormatCache cache = new DateFormatCache("test");
            assertThat(cache.parseSeconds(text, pattern)).as("'%s' with '%s' (seed %s)", text, pattern, seed)
                    .isEqualTo(expectedSeconds(pattern, text));
        }
    }

    @Test
    void formattingMatchesSimpleDateFormat() {
        long seed = Seeds.seed("DatePatternTest.formattingMatchesSimpleDateFormat");
        Random random = new Random(seed);
        for (int i = 0; i < 4_000; i++) {
            String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
            long millis = (long) (random.nextDouble() * 8_000_000_000_000L) - 2_200_000_000_000L;
            DateFormatCache cache = new DateFormatCache("test");
            assertThat(cache.format(millis, pattern)).as("%s with '%s' (seed %s)", millis, pattern, seed)
                    .isEqualTo(reference(pattern, TimeZone.getTimeZone("UTC")).format(new Date(millis)));
        }
    }

    @Test
    void theLogPatternTakesTheFastPath() {
        DatePattern pattern = DatePattern.compile("dd/MMM/yyyy:HH:mm:ss Z");
        assertThat(pattern).isNotNull();
        assertThat(pattern.parseMillis("13/Mar/2025:14:03:07 +0000")).isEqualTo(1741874587000L);
        assertThat(pattern.parseMillis("13/Mar/2025:14:03:07 -0130")).isEqualTo(1741874587000L + 90 * 60_000L);
        assertThat(pattern.parseMillis("32/Mar/2025:14:03:07 +0000")).isEqualTo(DatePattern.NOT_FAST);
        assertThat(DatePattern.compile("yyyyMMdd")).isNull();
        assertThat(DatePattern.compile("EEE yyyy")).isNull();
    }
}
