package io.quarry.cli.zookeeper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.cli.Quarry;
import io.quarry.cli.ScriptRun;
import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.ZooKeeperClients;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry zookeeper}: a real ZooKeeper server in its own JVM that Curator clients use at the address it reports. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZooKeeperCommandTest {
    private static final Pattern READY = Pattern.compile("^QUARRY-READY zookeeper client=(\\S+)$");
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new IOException("no filesystem in this test: " + uri);
    };

    @Test
    void zookeeperCommandServesCuratorClientsAtTheReportedAddress(@TempDir Path dataDir) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Quarry.class.getName(), "-Dquarry.zookeeper.client.port=0", "-Dquarry.zookeeper.bind-host=127.0.0.1",
                "-Dquarry.zookeeper.data.dir=" + dataDir, "zookeeper").redirectErrorStream(true);
        builder.environment().remove("QUARRY_CONF_DIR");
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> output = new ArrayList<>();
        try {
            String address = awaitReadyLine(process, output);
            assertThat(address).as("output: %s", output).startsWith("127.0.0.1:");

            HaSettings settings = HaSettings.from(Configuration.of(Map.of("ha.zookeeper.quorum", address,
                    "quarry.ha.zookeeper.connect-timeout", "10s")));
            try (CuratorFramework client = ZooKeeperClients.connect(settings)) {
                client.create().creatingParentsIfNeeded().forPath("/hello", "world".getBytes(StandardCharsets.UTF_8));
                assertThat(client.getData().forPath("/hello")).asString(StandardCharsets.UTF_8).isEqualTo("world");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        }
        try (var files = Files.walk(dataDir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.startsWith("log."));
        }
    }

    @Test
    void zookeeperCommandIsListedAndDescribed() {
        assertThat(CliRun.run(NO_FILESYSTEM, "help").out()).containsPattern("(?m)^  zookeeper +\\S");
        CliRun usage = CliRun.run(NO_FILESYSTEM, "zookeeper", "--help");
        assertThat(usage.out()).startsWith("Usage: quarry [--conf DIR] [-Dkey=value ...] zookeeper").contains("QUARRY-READY");
        CliRun extra = CliRun.run(NO_FILESYSTEM, "zookeeper", "extra");
        assertThat(extra.exitCode()).isEqualTo(2);
    }

    @Test
    void quarryDaemonAcceptsTheZookeeperRole(@TempDir Path pidDir) throws Exception {
        ScriptRun status = ScriptRun.run("quarry-daemon", Map.of("QUARRY_PID_DIR", pidDir.toString()), "status", "zookeeper");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).isEqualTo("zookeeper not running\n");
    }

    /** Reads the child's output until the READY line (returning its client address) or the end of output. */
    private static String awaitReadyLine(Process process, List<String> output) throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher matcher = READY.matcher(line);
                    if (matcher.matches()) {
                        ready.complete(matcher.group(1));
                    }
                }
                ready.completeExceptionally(new AssertionError("quarry zookeeper exited without a READY line: " + output));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "zookeeper-command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return ready.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (output) {
                throw new AssertionError("no READY line from quarry zookeeper within 30 s; output: " + output, e);
            }
        }
    }
}
