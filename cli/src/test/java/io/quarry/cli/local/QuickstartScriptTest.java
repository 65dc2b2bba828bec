package io.quarry.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code bin/quarry-quickstart}, on the built jars: it starts the
 * local cluster, runs WordCount and logstatus on it over generated access logs, prints both
 * results and stops the cluster. Free ports and a private directory keep it off 8020/8030.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class QuickstartScriptTest {
    @TempDir
    Path dir;

    @Test
    void quickstartRunsBothJobsOnTheLocalClusterAndStopsIt() throws Exception {
        Path repo = Paths.get(System.getProperty("quarry.repo.dir", "..")).toAbsolutePath().normalize();
        Path script = repo.resolve("bin/quarry-quickstart");
        assertThat(script).isRegularFile();
        assumeTrue(Files.isDirectory(repo.resolve("cli/target/lib")) && hasJar(repo.resolve("jobs-examples/target")),
                "the jars are not built (mvn -B package -DskipTests); then this test runs bin/quarry-quickstart");

        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.copy(repo.resolve("conf/logback.xml"), conf.resolve("logback.xml"));
        int nameNodePort = freePort();
        Files.writeString(conf.resolve("quarry-site.properties"), String.join("\n",
                "dfs.namenode.rpc-address=127.0.0.1:" + nameNodePort,
                "fs.defaultFS=qfs://127.0.0.1:" + nameNodePort,
                "quarry.scheduler.address=127.0.0.1:" + freePort(),
                "dfs.namenode.http-address=127.0.0.1:0",
                "quarry.tmp.dir=" + dir.resolve("tmp"),
                ""), StandardCharsets.UTF_8);

        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--no-build", "--size", "512K")
                .redirectErrorStream(true);
        builder.environment().put("QUARRY_CONF_DIR", conf.toString());
        builder.environment().put("QUARRY_LOGGEN", dir.resolve("no-shared-generator").toString());
        builder.environment().put("TMPDIR", dir.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("== Starting the local cluster", "built-in generator", "Data-local map tasks=1",
                "UNPARSABLE_LINES=0", "== Stopping the local cluster", "Local cluster stopped");
        String status = output.substring(output.indexOf("== Requests per hour"));
        assertThat(status.lines().skip(1).limit(12)).hasSize(12).allMatch(line -> line.matches("2025-03-1\\dT\\d\\d \\d{3}\t\\d+"));
        assertThat(dir.resolve("tmp/local/local.pid")).doesNotExist();
    }

    private static boolean hasJar(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.anyMatch(file -> file.getFileName().toString().matches("quarry-jobs-examples-.*\\.jar"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
