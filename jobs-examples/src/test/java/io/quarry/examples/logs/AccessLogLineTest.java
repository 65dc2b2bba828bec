package io.quarry.examples.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AccessLogLineTest {
    private static final String LINE =
            "203.0.113.7 - - [13/Mar/2025:14:03:07 +0000] \"GET /wp-login.php HTTP/1.1\" 404 312 \"-\" \"Mozilla/5.0 zgrab/0.x\"";

    @Test
    void parsesAWellFormedLineIntoItsFieldsAndUtcHour() {
        AccessLogLine parser = new AccessLogLine();

        assertThat(parser.parse(LINE)).isTrue();
        assertThat(parser.ip()).isEqualTo("203.0.113.7");
        assertThat(parser.url()).isEqualTo("/wp-login.php");
        assertThat(parser.status()).isEqualTo("404");
        assertThat(parser.utcHour()).isEqualTo("2025-03-13T14");
    }

    @Test
    void rejectsTruncatedLinesAndTrailingFields() {
        AccessLogLine parser = new AccessLogLine();

        assertThat(parser.parse(LINE.substring(0, LINE.length() - 1))).isFalse();
        assertThat(parser.parse(LINE + " 123456")).isFalse();
        assertThat(parser.parse("")).isFalse();
    }

    @Test
    void hasNoHourForATimestampOutsideUtcOrWithAnUnknownMonth() {
        AccessLogLine parser = new AccessLogLine();

        assertThat(parser.parse(LINE.replace("+0000", "+0100"))).isTrue();
        assertThat(parser.utcHour()).isNull();
        assertThat(parser.parse(LINE.replace("Mar", "Mrz"))).isTrue();
        assertThat(parser.utcHour()).isNull();
    }

    @Test
    void ipv4PrefixIsTheFirstTwoOctets() {
        assertThat(AccessLogLine.ipv4Prefix("12.34.5.6")).isEqualTo("12.34");
        assertThat(AccessLogLine.ipv4Prefix("2001:db8:1::1")).isNull();
        assertThat(AccessLogLine.ipv4Prefix("a.b.c.d")).isNull();
        assertThat(AccessLogLine.ipv4Prefix("12..5.6")).isNull();
    }
}
