package io.quarry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** bin/quarry runs from the source tree once cli/target/lib has been built by mvn package. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinQuarryTest {
    @Test
    void binQuarryVersionRunsFromTheSourceTree() throws Exception {
        Path repo = Paths.get(System.getProperty("quarry.repo.dir", "..")).toAbsolutePath().normalize();
        Path script = repo.resolve("bin").resolve("quarry");
        assertThat(script).isRegularFile();
        assumeTrue(Files.isDirectory(repo.resolve("cli/target/lib")),
                "cli/target/lib does not exist: run 'mvn -B package -DskipTests' to build it, then this test runs bin/quarry");
        assumeTrue(hasCliJar(repo.resolve("cli/target")), "the cli jar is not built yet (mvn -B package -DskipTests)");

        Process process = new ProcessBuilder("bash", script.toString(), "version")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Quarry ").contains("\nJava ");
    }

    @Test
    void binQuarryAsksForABuildWhenTheJarsAreMissing(@TempDir Path emptyHome) throws Exception {
        Path script = Paths.get(System.getProperty("quarry.repo.dir", "..")).resolve("bin/quarry").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "version").redirectErrorStream(true);
        builder.environment().put("QUARRY_HOME", emptyHome.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("the jars are not built").contains("run mvn -B package -DskipTests first");
    }

    @Test
    void quarryDaemonStatusSaysNotRunning(@TempDir Path pidDir) throws Exception {
        Path script = Paths.get(System.getProperty("quarry.repo.dir", "..")).resolve("bin/quarry-daemon").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "status", "namenode").redirectErrorStream(true);
        builder.environment().put("QUARRY_PID_DIR", pidDir.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).isEqualTo("namenode not running\n");
    }

    private static boolean hasCliJar(Path target) throws IOException {
        try (var files = Files.list(target)) {
            return files.anyMatch(file -> file.getFileName().toString().matches("quarry-cli-.*\\.jar"));
        }
    }
}
