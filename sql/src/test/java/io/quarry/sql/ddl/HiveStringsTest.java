package io.quarry.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HiveStringsTest {
    @Test
    void appliesHivesEscapes() {
        assertThat(HiveStrings.unescape("a\\tb\\nc\\rd\\\\e\\'f\\\"g\\0")).isEqualTo("a\tb\nc\rd\\e'f\"g\0");
    }

    @Test
    void readsOctalAndUnicodeEscapes() {
        assertThat(HiveStrings.unescape("\\001")).isEqualTo("\u0001");
        assertThat(HiveStrings.unescape("x\\u00e9y")).isEqualTo("xéy");
    }

    @Test
    void keepsTheBackslashOfLikeWildcardEscapes() {
        assertThat(HiveStrings.unescape("50\\%\\_")).isEqualTo("50\\%\\_");
    }

    @Test
    void anyOtherEscapedCharacterStandsForItselfSoRegexEscapesNeedDoubling() {
        assertThat(HiveStrings.unescape("(\\\\S+) \\d")).isEqualTo("(\\S+) d");
        assertThat(HiveStrings.unescape("\\\\.")).isEqualTo("\\.");
    }

    @Test
    void textWithoutBackslashesIsReturnedAsIs() {
        String plain = "no escapes";
        assertThat(HiveStrings.unescape(plain)).isSameAs(plain);
        assertThat(HiveStrings.unescape("ends with \\")).isEqualTo("ends with \\");
    }
}
