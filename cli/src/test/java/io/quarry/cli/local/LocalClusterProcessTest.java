package io.quarry.cli.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarry local start|status|stop} end to end: the cluster runs in its own background JVM,
 * serves {@code quarry dfs}, stops on request, and keeps its data across a restart. The NameNode
 * uses a free port instead of 8020, which other processes on a test machine may hold.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LocalClusterProcessTest {
    @TempDir
    Path dir;
    private int port;

    @AfterEach
    void killLeftovers() throws IOException {
        System.clearProperty("logback.configurationFile");
        Path pid = dir.resolve("local.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private CliRun quarry(String stdin, String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "-Ddfs.namenode.rpc-address=127.0.0.1:" + port;
        full[1] = "-Dfs.defaultFS=qfs://127.0.0.1:" + port;
        full[2] = "-Ddfs.namenode.http-address=127.0.0.1:0";
        System.arraycopy(args, 0, full, 3, args.length);
        return CliRun.withStdin(FileSystemOpener.standard(), stdin, full);
    }

    @Test
    void startRefusesAnAddressInUseWithoutLaunchingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = taken.getLocalPort();
            CliRun start = quarry("", "local", "start", "--dir", dir.toString());
            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.err()).startsWith("local: Cannot start the local cluster: 127.0.0.1:" + port + " is in use by another process");
            assertThat(dir.resolve("local.pid")).doesNotExist();
        }
    }

    @Test
    void startStatusDfsStopAndRestartKeepsData() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path repoConf = Paths.get(System.getProperty("quarry.repo.dir", "..")).resolve("conf/logback.xml").toAbsolutePath();
        System.setProperty("logback.configurationFile", repoConf.toString());
        String where = dir.toString();

        CliRun notYet = quarry("", "local", "status", "--dir", where);
        assertThat(notYet.exitCode()).isEqualTo(1);
        assertThat(notYet.out()).isEqualTo("Local cluster not running (" + dir.toAbsolutePath().normalize() + ")\n");

        CliRun start = quarry("", "local", "start", "--dir", where);
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("Local cluster running (pid ").contains("NameNode qfs://127.0.0.1:" + port)
                .contains("1 DataNode").contains("logs in " + dir.resolve("logs/local.log").toAbsolutePath().normalize());
        assertThat(dir.resolve("local.pid")).isRegularFile();
        assertThat(Files.readString(dir.resolve("logs/local.log"), StandardCharsets.UTF_8)).contains("[local]");

        CliRun status = quarry("", "local", "status", "--dir", where);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("Local cluster running (pid ");
        assertThat(quarry("", "local", "start", "--dir", where).out()).startsWith("Local cluster already running (pid ");

        assertThat(quarry("kept across restarts\n", "dfs", "-put", "-", "/kept.txt").exitCode()).isZero();

        CliRun stop = quarry("", "local", "stop", "--dir", where);
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).startsWith("Local cluster stopped (pid ");
        assertThat(dir.resolve("local.pid")).doesNotExist();
        assertThat(quarry("", "local", "status", "--dir", where).exitCode()).isEqualTo(1);

        assertThat(quarry("", "local", "start", "--dir", where).exitCode()).isZero();
        CliRun cat = quarry("", "dfs", "-cat", "/kept.txt");
        assertThat(cat.exitCode()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("kept across restarts\n");
        assertThat(quarry("", "local", "stop", "--dir", where).exitCode()).isZero();
    }
}
