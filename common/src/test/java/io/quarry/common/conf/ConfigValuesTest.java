package io.quarry.common.conf;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ConfigValuesTest {
    @Test
    void sizesUseBinaryUnits() {
        assertThat(ConfigValues.parseSize("k", "512")).isEqualTo(512L);
        assertThat(ConfigValues.parseSize("k", "64k")).isEqualTo(64L * 1024);
        assertThat(ConfigValues.parseSize("k", "128m")).isEqualTo(128L * 1024 * 1024);
        assertThat(ConfigValues.parseSize("k", "1g")).isEqualTo(1L << 30);
        assertThat(ConfigValues.parseSize("k", "1t")).isEqualTo(1L << 40);
    }

    @Test
    void sizesAcceptUpperCaseSpacesAndAByteSuffix() {
        assertThat(ConfigValues.parseSize("k", " 128M ")).isEqualTo(128L << 20);
        assertThat(ConfigValues.parseSize("k", "64kb")).isEqualTo(64L << 10);
        assertThat(ConfigValues.parseSize("k", "1GB")).isEqualTo(1L << 30);
        assertThat(ConfigValues.parseSize("k", "512b")).isEqualTo(512L);
        assertThat(ConfigValues.parseSize("k", "0")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "b", "1.5g", "12x", "ten", "1 0k", "99999999999t", "99999999999999999999", "m64"})
    void badSizesFailNamingKeyAndValue(String text) {
        assertThatThrownBy(() -> ConfigValues.parseSize("dfs.blocksize", text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dfs.blocksize")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void negativeSizeIsRefused() {
        assertThatThrownBy(() -> ConfigValues.parseSize("dfs.blocksize", "-1m"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dfs.blocksize").hasMessageContaining("-1m").hasMessageContaining("non-negative");
    }

    @Test
    void durationsCarryTheirUnit() {
        assertThat(ConfigValues.parseDuration("k", "500ms", ChronoUnit.SECONDS)).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigValues.parseDuration("k", "3s", ChronoUnit.MILLIS)).isEqualTo(Duration.ofSeconds(3));
        assertThat(ConfigValues.parseDuration("k", "10m", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMinutes(10));
        assertThat(ConfigValues.parseDuration("k", "10min", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMinutes(10));
        assertThat(ConfigValues.parseDuration("k", "1h", ChronoUnit.MILLIS)).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigValues.parseDuration("k", "2d", ChronoUnit.MILLIS)).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigValues.parseDuration("k", " 30 S ", ChronoUnit.MILLIS)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bareDurationUsesTheKeysUnit() {
        assertThat(ConfigValues.parseDuration("k", "3", ChronoUnit.SECONDS)).isEqualTo(Duration.ofSeconds(3));
        assertThat(ConfigValues.parseDuration("k", "3", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMillis(3));
        assertThat(ConfigValues.parseDuration("k", "0", ChronoUnit.MINUTES)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "1.5s", "5 weeks", "5y", "s5", "5-3s", "99999999999999999999s"})
    void badDurationsFailNamingKeyAndValue(String text) {
        assertThatThrownBy(() -> ConfigValues.parseDuration("quarry.rpc.timeout", text, ChronoUnit.MILLIS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quarry.rpc.timeout")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void hugeDurationIsAConfigErrorNotAnArithmeticOne() {
        assertThatThrownBy(() -> ConfigValues.parseDuration("k", "9223372036854775807d", ChronoUnit.MILLIS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'9223372036854775807d'");
        assertThatThrownBy(() -> ConfigValues.parseDuration("k", "9223372036854775807", ChronoUnit.DAYS))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void negativeDurationIsRefused() {
        assertThatThrownBy(() -> ConfigValues.parseDuration("quarry.rpc.timeout", "-5s", ChronoUnit.MILLIS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("-5s").hasMessageContaining("non-negative");
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        assertThat(ConfigValues.parse("k", ConfigType.BOOLEAN, "true", ChronoUnit.MILLIS)).isEqualTo(true);
        assertThat(ConfigValues.parse("k", ConfigType.BOOLEAN, " FALSE ", ChronoUnit.MILLIS)).isEqualTo(false);
        assertThat(ConfigValues.parse("k", ConfigType.BOOLEAN, "True", ChronoUnit.MILLIS)).isEqualTo(true);
        for (String bad : List.of("yes", "1", "", "on")) {
            assertThatThrownBy(() -> ConfigValues.parse("dfs.permissions.enabled", ConfigType.BOOLEAN, bad, ChronoUnit.MILLIS))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("dfs.permissions.enabled").hasMessageContaining("true or false");
        }
    }

    @Test
    void listsSplitOnCommasAndDropBlanks() {
        assertThat(ConfigValues.parse("k", ConfigType.LIST, " a, b ,,c ,", ChronoUnit.MILLIS)).isEqualTo(List.of("a", "b", "c"));
        assertThat(ConfigValues.parse("k", ConfigType.LIST, "", ChronoUnit.MILLIS)).isEqualTo(List.of());
        assertThat(ConfigValues.parse("k", ConfigType.LIST, "single", ChronoUnit.MILLIS)).isEqualTo(List.of("single"));
    }

    @Test
    void numbersParseAndRefuseText() {
        assertThat(ConfigValues.parse("k", ConfigType.INT, " -3 ", ChronoUnit.MILLIS)).isEqualTo(-3);
        assertThat(ConfigValues.parse("k", ConfigType.LONG, "9000000000", ChronoUnit.MILLIS)).isEqualTo(9_000_000_000L);
        assertThat(ConfigValues.parse("k", ConfigType.DOUBLE, "0.75", ChronoUnit.MILLIS)).isEqualTo(0.75);
        assertThatThrownBy(() -> ConfigValues.parse("dfs.replication", ConfigType.INT, "three", ChronoUnit.MILLIS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dfs.replication").hasMessageContaining("'three'");
        assertThatThrownBy(() -> ConfigValues.parse("k", ConfigType.INT, "9000000000", ChronoUnit.MILLIS))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ConfigValues.parse("k", ConfigType.DOUBLE, "half", ChronoUnit.MILLIS))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void stringsAreKeptAsWritten() {
        assertThat(ConfigValues.parse("k", ConfigType.STRING, " spaced ", ChronoUnit.MILLIS)).isEqualTo(" spaced ");
    }
}
