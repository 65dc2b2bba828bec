package io.quarry.common.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ConfigurationTest {
    private static final ConfigKey NAME = ConfigKey.string("quarry.test.name", "default-name", "a string");
    private static final ConfigKey COUNT = ConfigKey.integer("quarry.test.count", 3, "an int");
    private static final ConfigKey BIG = ConfigKey.longValue("quarry.test.big", 5_000_000_000L, "a long");
    private static final ConfigKey RATIO = ConfigKey.doubleValue("quarry.test.ratio", 0.5, "a double");
    private static final ConfigKey ENABLED = ConfigKey.bool("quarry.test.enabled", false, "a boolean");
    private static final ConfigKey SIZE = ConfigKey.size("quarry.test.size", "64m", "a size");
    private static final ConfigKey WAIT = ConfigKey.duration("quarry.test.wait", "3", ChronoUnit.SECONDS, "a duration");
    private static final ConfigKey HOSTS = ConfigKey.list("quarry.test.hosts", "a,b", "a list");
    private static final ConfigKey UNSET = ConfigKey.string("quarry.test.unset", null, "no default");
    private static final ConfigKey UNSET_LIST = ConfigKey.list("quarry.test.unset-list", null, "no default");

    @TempDir
    Path confDir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Configuration conf = Configuration.empty();
        assertThat(conf.getString(NAME)).isEqualTo("default-name");
        assertThat(conf.getInt(COUNT)).isEqualTo(3);
        assertThat(conf.getLong(BIG)).isEqualTo(5_000_000_000L);
        assertThat(conf.getDouble(RATIO)).isEqualTo(0.5);
        assertThat(conf.getBoolean(ENABLED)).isFalse();
        assertThat(conf.getSize(SIZE)).isEqualTo(64L << 20);
        assertThat(conf.getDuration(WAIT)).isEqualTo(Duration.ofSeconds(3));
        assertThat(conf.getList(HOSTS)).containsExactly("a", "b");
        assertThat(conf.getString(UNSET)).isNull();
        assertThat(conf.getList(UNSET_LIST)).isEmpty();
        assertThat(conf.isSet(NAME)).isFalse();
    }

    @Test
    void loadReadsTheSiteFileAndOverridesWin() throws IOException {
        Files.writeString(confDir.resolve(Configuration.SITE_FILE), String.join("\n",
                "# a comment",
                "quarry.test.name = from-file  ",
                "quarry.test.count=7",
                "quarry.test.size=1g",
                "quarry.test.wait=250ms",
                "quarry.test.hosts=x, y ,z",
                "quarry.test.enabled=true"), StandardCharsets.UTF_8);

        Configuration conf = Configuration.load(confDir, Map.of("quarry.test.count", "9", "quarry.test.ratio", "0.25"));

        assertThat(conf.getString(NAME)).isEqualTo("from-file");
        assertThat(conf.getInt(COUNT)).isEqualTo(9);
        assertThat(conf.getDouble(RATIO)).isEqualTo(0.25);
        assertThat(conf.getSize(SIZE)).isEqualTo(1L << 30);
        assertThat(conf.getDuration(WAIT)).isEqualTo(Duration.ofMillis(250));
        assertThat(conf.getList(HOSTS)).containsExactly("x", "y", "z");
        assertThat(conf.getBoolean(ENABLED)).isTrue();
        assertThat(conf.isSet(COUNT)).isTrue();
        assertThat(conf.keys()).contains("quarry.test.name", "quarry.test.ratio");
    }

    @Test
    void loadWithoutSiteFileOrDirectoryUsesOnlyOverrides() throws IOException {
        assertThat(Configuration.load(confDir, Map.of("quarry.test.count", "4")).getInt(COUNT)).isEqualTo(4);
        assertThat(Configuration.load(confDir.resolve("missing"), Map.of()).keys()).isEmpty();
        assertThat(Configuration.load(null, Map.of("quarry.test.name", "n")).getString(NAME)).isEqualTo("n");
    }

    @Test
    void withReturnsACopyAndLeavesTheOriginalAlone() {
        Configuration original = Configuration.of(Map.of("quarry.test.count", "1"));
        Configuration changed = original.with(COUNT, "2").withAll(Map.of("quarry.test.name", "n"));
        assertThat(original.getInt(COUNT)).isEqualTo(1);
        assertThat(changed.getInt(COUNT)).isEqualTo(2);
        assertThat(changed.getString(NAME)).isEqualTo("n");
        assertThatThrownBy(() -> original.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedGettersRefuseAKeyOfAnotherType() {
        Configuration conf = Configuration.empty();
        assertThatThrownBy(() -> conf.getInt(SIZE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quarry.test.size").hasMessageContaining("SIZE").hasMessageContaining("INT");
        assertThatThrownBy(() -> conf.getString(COUNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conf.getDuration(SIZE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conf.getSize(WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conf.getLong(COUNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conf.getBoolean(NAME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conf.getList(NAME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conf.getDouble(COUNT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badValueFailsWhenReadNamingKeyAndValue() {
        Configuration conf = Configuration.of(Map.of("quarry.test.count", "many"));
        assertThatThrownBy(() -> conf.getInt(COUNT)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("quarry.test.count").hasMessageContaining("'many'");
    }

    @Test
    void numericKeyWithoutDefaultOrValueIsAConfigError() {
        ConfigKey noDefault = new ConfigKey("quarry.test.port", ConfigType.INT, null, "a port", ChronoUnit.MILLIS);
        assertThatThrownBy(() -> Configuration.empty().getInt(noDefault)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("quarry.test.port");
        assertThat(Configuration.of(Map.of("quarry.test.port", "80")).getInt(noDefault)).isEqualTo(80);
    }

    @Test
    void badDefaultFailsWhenTheKeyIsDeclared() {
        assertThatThrownBy(() -> ConfigKey.size("quarry.test.bad", "lots", "bad default"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("quarry.test.bad");
    }

    @Test
    void listKeysAreEmptyWhenSetToBlank() {
        assertThat(Configuration.of(Map.of("quarry.test.hosts", " ")).getList(HOSTS)).isEqualTo(List.of());
    }
}
