package io.quarry.common.conf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs against the keys on common's class path, which are {@link CommonConfigKeys}. */
@Timeout(10)
class ConfigValidatorTest {
    private final ConfigValidator validator = new ConfigValidator(KnownKeys.load());

    @Test
    void knownKeysIncludeCommonKeys() {
        KnownKeys known = KnownKeys.load();
        for (ConfigKey key : new CommonConfigKeys().keys()) {
            assertThat(known.get(key.name())).isEqualTo(key);
        }
    }

    @Test
    void typoGetsADidYouMeanSuggestion() {
        Configuration conf = Configuration.of(Map.of("quarry.rpc.timout", "5s"));
        assertThat(validator.unknownKeys(conf)).containsExactly(
                "Unknown configuration key 'quarry.rpc.timout' (did you mean 'quarry.rpc.timeout'?)");
    }

    @Test
    void transposedLettersAndWrongSeparatorAreSuggestedToo() {
        assertThat(validator.unknownKeys(Configuration.of(Map.of("quarry.rpc.max-farme-size", "1m"))))
                .containsExactly("Unknown configuration key 'quarry.rpc.max-farme-size' (did you mean 'quarry.rpc.max-frame-size'?)");
        assertThat(validator.unknownKeys(Configuration.of(Map.of("quarry.rpc.retry.max_attempts", "3"))))
                .containsExactly("Unknown configuration key 'quarry.rpc.retry.max_attempts' (did you mean 'quarry.rpc.retry.max-attempts'?)");
    }

    @Test
    void unknownKeysInEveryCheckedNamespaceAreReported() {
        Configuration conf = Configuration.of(Map.of(
                "quarry.completely.unrelated-setting", "1",
                "dfs.frobnicate", "1",
                "mapreduce.frobnicate", "1",
                "ha.frobnicate", "1",
                "fs.frobnicate", "1"));
        assertThat(validator.unknownKeys(conf)).hasSize(5)
                .allSatisfy(problem -> assertThat(problem).startsWith("Unknown configuration key '").doesNotContain("did you mean"));
    }

    @Test
    void keysOutsideQuarryAndHadoopNamespacesAreIgnored() {
        Configuration conf = Configuration.of(Map.of(
                "log4j.rootLogger", "INFO",
                "myapp.setting", "1",
                "java.home", "/x",
                "dfsx.replication", "3",
                "quarryish", "1"));
        assertThat(validator.unknownKeys(conf)).isEmpty();
    }

    @Test
    void knownKeysAreNotReported() {
        Configuration conf = Configuration.of(Map.of("quarry.rpc.timeout", "5s", "quarry.user.name", "alice"));
        assertThat(validator.unknownKeys(conf)).isEmpty();
    }

    @Test
    void checkValuesFailsNamingKeyAndValue() {
        Configuration conf = Configuration.of(Map.of("quarry.rpc.timeout", "soon", "quarry.rpc.max-frame-size", "1m"));
        assertThatThrownBy(() -> validator.checkValues(conf)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("quarry.rpc.timeout").hasMessageContaining("'soon'");
    }

    @Test
    void checkValuesAcceptsGoodValuesAndIgnoresUnknownKeys() {
        Configuration conf = Configuration.of(Map.of("quarry.rpc.timeout", "5s", "quarry.rpc.server.handler-threads", "4",
                "quarry.rpc.timout", "not checked", "other.key", "x"));
        validator.checkValues(conf);
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertThat(EditDistance.between("dfs.replicaton", "dfs.replication")).isEqualTo(1);
        assertThat(EditDistance.between("abc", "abc")).isZero();
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }
}
