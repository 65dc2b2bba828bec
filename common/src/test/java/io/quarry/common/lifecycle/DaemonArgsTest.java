package io.quarry.common.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(10)
class DaemonArgsTest {
    private static DaemonArgs parse(String... args) {
        return DaemonArgs.parse(args);
    }

    @Test
    void confDirAndOverridesInBothFormsAreRecognised() {
        DaemonArgs args = parse("--conf", "/etc/quarry", "-Ddfs.replication=2", "-D", "quarry.rpc.timeout=5s", "format");
        assertThat(args.confDir()).isEqualTo(Paths.get("/etc/quarry"));
        assertThat(args.overrides()).containsExactly(Map.entry("dfs.replication", "2"), Map.entry("quarry.rpc.timeout", "5s"));
        assertThat(args.remaining()).containsExactly("format");
    }

    @Test
    void leftoversKeepTheirOrder() {
        DaemonArgs args = parse("dfs", "-ls", "-Dk=v", "/", "--recursive");
        assertThat(args.remaining()).containsExactly("dfs", "-ls", "/", "--recursive");
        assertThat(args.overrides()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void valuesMayContainEqualsSignsOrBeEmptyAndLaterOverridesWin() {
        DaemonArgs args = parse("-Dquarry.x=a=b", "-Dquarry.y=", "-Dquarry.x=c");
        assertThat(args.overrides()).containsExactly(Map.entry("quarry.x", "c"), Map.entry("quarry.y", ""));
    }

    @Test
    void alternativeConfSpellingsAreAccepted() {
        assertThat(parse("-conf", "a").confDir()).isEqualTo(Paths.get("a"));
        assertThat(parse("--config", "b").confDir()).isEqualTo(Paths.get("b"));
    }

    @Test
    void missingValuesAreErrorsNamingTheOption() {
        assertThatThrownBy(() -> parse("--conf")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--conf");
        assertThatThrownBy(() -> parse("-D")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-D");
        assertThatThrownBy(() -> parse("-Dnovalue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dnovalue").hasMessageContaining("key=value");
        assertThatThrownBy(() -> parse("-D=value")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("-D", "novalue")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noArgumentsMeansNoOverrides() {
        DaemonArgs args = parse();
        assertThat(args.overrides()).isEmpty();
        assertThat(args.remaining()).isEmpty();
    }

    @Test
    void confDirDefaultsToTheEnvironment() {
        String fromEnv = System.getenv("QUARRY_CONF_DIR");
        assumeTrue(fromEnv == null || fromEnv.isBlank(), "QUARRY_CONF_DIR is set in this environment");
        assertThat(parse("x").confDir()).isNull();
    }

    @Test
    void loadAppliesOverridesOnTheSiteFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Configuration.SITE_FILE), "quarry.rpc.timeout=7s\nquarry.user.name=file-user\n");
        Configuration conf = parse("--conf", dir.toString(), "-Dquarry.user.name=cli-user").load();
        assertThat(conf.getDuration(CommonConfigKeys.RPC_TIMEOUT)).hasSeconds(7);
        assertThat(conf.getString(CommonConfigKeys.USER_NAME)).isEqualTo("cli-user");
    }

    @Test
    void parsedArgumentsAreImmutable() {
        DaemonArgs args = parse("a", "-Dk=v");
        List<String> remaining = args.remaining();
        assertThatThrownBy(() -> remaining.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> args.overrides().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readyLineListsAddressesInOrder() {
        Map<String, Object> addresses = new java.util.LinkedHashMap<>();
        addresses.put("rpc", "127.0.0.1:8020");
        addresses.put("http", "127.0.0.1:9870");
        assertThat(DaemonRunner.formatAddresses(addresses)).isEqualTo("rpc=127.0.0.1:8020 http=127.0.0.1:9870");
    }
}
