package io.quarry.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.cli.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/quarry-cluster}: which daemons it manages on which hosts, and its errors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuarryClusterScriptTest {
    @TempDir
    Path dir;

    private ScriptRun run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARRY_PID_DIR", dir.resolve("pids").toString());
        all.put("QUARRY_CONF_DIR", dir.resolve("conf").toString());
        return ScriptRun.run("quarry-cluster", all, args);
    }

    @Test
    void statusListsTheMastersHereAndBothDaemonsOfEveryWorkerHost() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/workers"), "# the nodes\nlocalhost   # this machine\n\n127.0.0.1\n");

        ScriptRun status = run(Map.of(), "status");

        assertThat(status.exitCode()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).isEqualTo("""
                localhost: namenode not running
                localhost: scheduler not running
                localhost: datanode not running
                localhost: worker not running
                127.0.0.1: datanode not running
                127.0.0.1: worker not running
                """);
    }

    @Test
    void aMissingOrEmptyWorkersFileAndABadActionAreUsageErrors() throws Exception {
        ScriptRun missing = run(Map.of(), "status");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("no workers file at " + dir.resolve("conf/workers"));

        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/workers"), "# nobody yet\n");
        ScriptRun empty = run(Map.of(), "start");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.output()).contains("lists no hosts");

        ScriptRun bad = run(Map.of(), "restart");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).startsWith("Usage: quarry-cluster <start|stop|status>");
    }

    @Test
    void otherHostsAreReachedThroughSshWithTheSameInstallation() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/workers"), "node-7.example\n");
        Path fakeSsh = dir.resolve("bin/ssh");
        Files.createDirectories(fakeSsh.getParent());
        Files.writeString(fakeSsh, "#!/bin/sh\necho \"ssh $*\"\nexit 1\n");
        assertThat(fakeSsh.toFile().setExecutable(true)).isTrue();

        ScriptRun status = run(Map.of("PATH", fakeSsh.getParent() + ":" + System.getenv("PATH"), "QUARRY_SSH_OPTS", "-o BatchMode=yes"),
                "status");

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.output()).contains("node-7.example: ssh -o BatchMode=yes node-7.example")
                .contains("bin/quarry-daemon' status datanode").contains("bin/quarry-daemon' status worker");
    }
}
