package io.quarry.cli.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarry local start|status|stop} end to end: the cluster (NameNode, DataNode, Scheduler,
 * Worker) runs in its own background JVM, serves {@code quarry dfs}, runs {@code quarry jar} jobs
 * on its Worker, stops on request, and keeps its data across a restart. The NameNode and the
 * Scheduler use free ports instead of 8020 and 8030, which other processes on a test machine may
 * hold; quarry.tmp.dir puts the default local cluster directory under the test's.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LocalClusterProcessTest {
    @TempDir
    Path dir;
    private int port;
    private int schedulerPort;

    @AfterEach
    void killLeftovers() throws IOException {
        System.clearProperty("logback.configurationFile");
        for (Path pid : new Path[] {dir.resolve("local.pid"), dir.resolve("local/local.pid")}) {
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private CliRun quarry(String stdin, String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "-Ddfs.namenode.rpc-address=127.0.0.1:" + port;
        full[1] = "-Dfs.defaultFS=qfs://127.0.0.1:" + port;
        full[2] = "-Ddfs.namenode.http-address=127.0.0.1:0";
        full[3] = "-Dquarry.scheduler.address=127.0.0.1:" + schedulerPort;
        full[4] = "-Dquarry.tmp.dir=" + dir;
        System.arraycopy(args, 0, full, 5, args.length);
        return CliRun.withStdin(FileSystemOpener.standard(), stdin, full);
    }

    @Test
    void startRefusesAnAddressInUseWithoutLaunchingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = taken.getLocalPort();
            schedulerPort = freePort();
            CliRun start = quarry("", "local", "start", "--dir", dir.toString());
            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.err()).startsWith("local: Cannot start the local cluster: 127.0.0.1:" + port + " is in use by another process");
            assertThat(dir.resolve("local.pid")).doesNotExist();
        }
    }

    @Test
    void startStatusDfsJarStopAndRestartKeepsData() throws Exception {
        port = freePort();
        schedulerPort = freePort();
        Path repoConf = Paths.get(System.getProperty("quarry.repo.dir", "..")).resolve("conf/logback.xml").toAbsolutePath();
        System.setProperty("logback.configurationFile", repoConf.toString());
        Path local = dir.resolve("local");
        String where = local.toString();

        CliRun notYet = quarry("", "local", "status", "--dir", where);
        assertThat(notYet.exitCode()).isEqualTo(1);
        assertThat(notYet.out()).isEqualTo("Local cluster not running (" + local.toAbsolutePath().normalize() + ")\n");

        CliRun start = quarry("", "local", "start", "--dir", where);
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("Local cluster running (pid ").contains("NameNode qfs://127.0.0.1:" + port)
                .contains("1 DataNode").contains("Scheduler 127.0.0.1:" + schedulerPort).contains("1 Worker (shuffle 127.0.0.1:")
                .contains("logs in " + local.resolve("logs/local.log").toAbsolutePath().normalize());
        assertThat(local.resolve("local.pid")).isRegularFile();
        assertThat(Files.readString(local.resolve("logs/local.log"), StandardCharsets.UTF_8)).contains("[local]");

        CliRun status = quarry("", "local", "status", "--dir", where);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("Local cluster running (pid ").contains("Scheduler 127.0.0.1:" + schedulerPort)
                .contains("1 Worker");
        assertThat(quarry("", "local", "start", "--dir", where).out()).startsWith("Local cluster already running (pid ");

        assertThat(quarry("kept across restarts\n", "dfs", "-put", "-", "/kept.txt").exitCode()).isZero();

        // quarry jar, pointed at the running local cluster, runs the job on its Worker: the Scheduler lists it.
        assertThat(quarry("to be or not to be\n", "dfs", "-put", "-", "/words/in.txt").exitCode()).isZero();
        CliRun jar = quarry("", "jar", examplesJar().toString(), "wordcount", "/words", "/words-out");
        assertThat(jar.exitCode()).as(jar.toString()).isZero();
        assertThat(quarry("", "dfs", "-cat", "/words-out/part-r-00000").out()).isEqualTo("be\t2\nnot\t1\nor\t1\nto\t2\n");
        CliRun jobs = quarry("", "job", "-list");
        assertThat(jobs.exitCode()).as(jobs.toString()).isZero();
        assertThat(jobs.out()).contains("wordcount").contains("SUCCEEDED");

        CliRun stop = quarry("", "local", "stop", "--dir", where);
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).startsWith("Local cluster stopped (pid ");
        assertThat(local.resolve("local.pid")).doesNotExist();
        assertThat(quarry("", "local", "status", "--dir", where).exitCode()).isEqualTo(1);

        assertThat(quarry("", "local", "start", "--dir", where).exitCode()).isZero();
        CliRun cat = quarry("", "dfs", "-cat", "/kept.txt");
        assertThat(cat.exitCode()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("kept across restarts\n");
        assertThat(quarry("", "local", "stop", "--dir", where).exitCode()).isZero();
    }

    @Test
    void anHaClusterServesClientCommandsThroughTheActiveNameNodeAcrossAFailover() throws Exception {
        port = freePort();
        schedulerPort = freePort();
        Path local = dir.resolve("local");
        String where = local.toString();

        CliRun start = quarry("", "local", "start", "--dir", where, "--ha");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("NameNodes qfs://127.0.0.1:" + port).contains(" and standby ");
        CliRun status = quarry("", "local", "status", "--dir", where);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        List<String> nameNodes = status.out().lines().map(String::trim).filter(line -> line.startsWith("namenode ")).toList();
        assertThat(nameNodes).as(status.out()).hasSize(2).anyMatch(line -> line.endsWith(" active"))
                .anyMatch(line -> line.endsWith(" standby"));

        // fs.defaultFS names the first NameNode; the running --ha cluster turns it into qfs://local.
        assertThat(quarry("to be or not to be\n", "dfs", "-put", "-", "/words/in.txt").exitCode()).isZero();
        CliRun failover = quarry("", "haadmin", "-failover", "namenode");
        assertThat(failover.exitCode()).as(failover.toString()).isZero();
        CliRun jar = quarry("", "jar", examplesJar().toString(), "wordcount", "/words", "/words-out");
        assertThat(jar.exitCode()).as(jar.toString()).isZero();
        assertThat(quarry("", "dfs", "-cat", "/words-out/part-r-00000").out()).isEqualTo("be\t2\nnot\t1\nor\t1\nto\t2\n");
        CliRun fsck = quarry("", "fsck", "/words-out");
        assertThat(fsck.exitCode()).as(fsck.toString()).isZero();
        CliRun sql = quarry("", "sql", "--output", "tsv", "-e", "CREATE EXTERNAL TABLE w (word STRING, n INT) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY '\\t' LOCATION '/words-out'; SELECT word FROM w WHERE n = 2 ORDER BY word");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.out()).isEqualTo("Created table default.w\nbe\nto\n");

        CliRun after = quarry("", "local", "status", "--dir", where);
        String nowActive = nameNodes.stream().filter(line -> line.endsWith(" standby")).findFirst().orElseThrow()
                .replaceAll(" +standby$", " active").replaceAll(" +", " ");
        assertThat(after.out().lines().map(line -> line.trim().replaceAll(" +", " "))).as(after.out()).contains(nowActive);
        assertThat(quarry("", "local", "stop", "--dir", where).exitCode()).isZero();
    }

    /** A jar holding only a manifest that names the examples' driver, which loads from the class path. */
    private Path examplesJar() throws IOException {
        Path jar = dir.resolve("examples.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.quarry.examples.ExampleDriver");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
