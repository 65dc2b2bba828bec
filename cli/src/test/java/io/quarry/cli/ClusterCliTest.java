package io.quarry.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.dfs.ShellFormat;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.minicluster.MiniQfsCluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quarry dfs}, {@code fsck} and {@code dfsadmin} against a real in-process QFS cluster of
 * two DataNodes. Each test works under its own directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterCliTest {
    private static final String SUPERUSER = System.getProperty("user.name");

    @TempDir
    static Path base;
    private static MiniQfsCluster cluster;
    private static FileSystem fs;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = MiniQfsCluster.builder(base.resolve("cluster")).numDataNodes(2).separateHosts(false).build();
        fs = cluster.fileSystem();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static CliRun quarry(String user, String stdin, String... args) {
        List<String> full = new ArrayList<>();
        for (Map.Entry<String, String> entry : cluster.conf().asMap().entrySet()) {
            full.add("-D" + entry.getKey() + "=" + entry.getValue());
        }
        full.add("-Dquarry.user.name=" + user);
        full.addAll(List.of(args));
        return CliRun.withStdin(FileSystemOpener.standard(), stdin, full.toArray(String[]::new));
    }

    private static CliRun dfs(String... args) {
        List<String> full = new ArrayList<>(List.of("dfs"));
        full.addAll(List.of(args));
        return quarry(SUPERUSER, "", full.toArray(String[]::new));
    }

    private static String dir(TestInfo test) {
        return "/t/" + test.getTestMethod().orElseThrow().getName();
    }

    private static FileStatus status(String path) throws Exception {
        return fs.getFileStatus(new io.quarry.dfs.Path(path));
    }

    private static String line(String path, String display) throws Exception {
        FileStatus status = status(path);
        return String.format("%s%s %3s %s %s %10d %s %s", status.isDirectory() ? "d" : "-",
                io.quarry.dfs.Permissions.toSymbolic(status.permission()), status.isDirectory() ? "-" : status.replication(),
                status.owner(), status.group(), status.length(), ShellFormat.listTime(status.modificationTime()), display);
    }

    @Test
    void putLsCatGetRoundTrip(TestInfo test, @TempDir Path local) throws Exception {
        String d = dir(test);
        Path source = local.resolve("words.txt");
        Files.writeString(source, "alpha beta\n", StandardCharsets.UTF_8);
        assertThat(dfs("-mkdir", "-p", d + "/in").exitCode()).isZero();
        CliRun put = dfs("-put", source.toString(), d + "/in");
        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(quarry(SUPERUSER, "from stdin\n", "dfs", "-put", "-", d + "/in/stdin.txt").exitCode()).isZero();

        CliRun ls = dfs("-ls", d + "/in");
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.out()).isEqualTo("Found 2 items\n" + line(d + "/in/stdin.txt", d + "/in/stdin.txt") + "\n"
                + line(d + "/in/words.txt", d + "/in/words.txt") + "\n");
        assertThat(status(d + "/in/words.txt").owner()).isEqualTo(SUPERUSER);

        CliRun recursive = dfs("-ls", "-R", d);
        assertThat(recursive.out()).isEqualTo(line(d + "/in", d + "/in") + "\n" + line(d + "/in/stdin.txt", d + "/in/stdin.txt")
                + "\n" + line(d + "/in/words.txt", d + "/in/words.txt") + "\n");

        assertThat(dfs("-cat", d + "/in/*.txt").out()).isEqualTo("from stdin\nalpha beta\n");
        Path back = local.resolve("back.txt");
        assertThat(dfs("-get", d + "/in/words.txt", back.toString()).exitCode()).isZero();
        assertThat(Files.readString(back, StandardCharsets.UTF_8)).isEqualTo("alpha beta\n");
        assertThat(dfs("-tail", d + "/in/words.txt").out()).isEqualTo("alpha beta\n");
    }

    @Test
    void namespaceOpsAndTheirErrors(TestInfo test) throws Exception {
        String d = dir(test);
        assertThat(dfs("-mkdir", "-p", d + "/a/b").exitCode()).isZero();
        assertThat(dfs("-touchz", d + "/a/b/f").exitCode()).isZero();
        assertThat(dfs("-touchz", d + "/file").exitCode()).isZero();

        CliRun missing = dfs("-ls", d + "/nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("ls: `" + d + "/nope': No such file or directory\n");
        CliRun overFile = dfs("-mkdir", d + "/file");
        assertThat(overFile.exitCode()).isEqualTo(1);
        assertThat(overFile.err()).isEqualTo("mkdir: `" + d + "/file': Is not a directory\n");
        CliRun nonEmpty = dfs("-rm", d + "/a");
        assertThat(nonEmpty.exitCode()).isEqualTo(1);
        assertThat(nonEmpty.err()).isEqualTo("rm: `" + d + "/a': Is a directory\n");
        assertThat(dfs("-rmdir", d + "/a").err()).isEqualTo("rmdir: `" + d + "/a': Directory is not empty\n");

        assertThat(dfs("-mv", d + "/a", d + "/moved").exitCode()).isZero();
        assertThat(dfs("-test", "-e", d + "/moved/b/f").exitCode()).isZero();
        assertThat(dfs("-test", "-e", d + "/a").exitCode()).isEqualTo(1);
        assertThat(dfs("-test", "-z", d + "/moved/b/f").exitCode()).isZero();
        assertThat(dfs("-cp", d + "/moved", d + "/copy").exitCode()).isZero();
        assertThat(dfs("-test", "-f", d + "/copy/b/f").exitCode()).isZero();

        CliRun removed = dfs("-rm", "-r", d + "/moved");
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).isEqualTo("Deleted " + d + "/moved\n");
        assertThat(dfs("-test", "-d", d + "/moved").exitCode()).isEqualTo(1);
        assertThat(dfs("-mkdir").exitCode()).isEqualTo(2);
    }

    @Test
    void duStatAndSetrepWaitOnRealBlocks(TestInfo test) throws Exception {
        String d = dir(test);
        assertThat(quarry(SUPERUSER, "12345", "-Ddfs.replication=1", "dfs", "-put", "-", d + "/five").exitCode()).isZero();
        assertThat(quarry(SUPERUSER, "123", "-Ddfs.replication=1", "dfs", "-put", "-", d + "/sub/three").exitCode()).isZero();
        assertThat(dfs("-du", d).out()).isEqualTo("5  5  " + d + "/five\n3  3  " + d + "/sub\n");
        assertThat(dfs("-count", d).out()).isEqualTo(String.format("%12d %12d %18d %s%n", 2, 2, 8, d));
        assertThat(dfs("-stat", "%n %b %r %F %u %a", d + "/five").out()).isEqualTo("five 5 1 regular file " + SUPERUSER + " 644\n");

        CliRun setrep = dfs("-setrep", "-w", "2", d + "/five");
        assertThat(setrep.exitCode()).as(setrep.toString()).isZero();
        assertThat(setrep.out()).startsWith("Replication 2 set: " + d + "/five\nWaiting for " + d + "/five ...").endsWith(" done\n");
        assertThat(fs.getFileBlockLocations(new io.quarry.dfs.Path(d + "/five"), 0, 5).get(0).hosts()).hasSize(2);
        assertThat(dfs("-du", "-s", d).out()).isEqualTo("8  13  " + d + "\n");
    }

    @Test
    void modesOwnersAndPermissionDenied(TestInfo test) throws Exception {
        String d = dir(test);
        assertThat(dfs("-mkdir", "-p", d + "/private").exitCode()).isZero();
        assertThat(dfs("-chmod", "700", d + "/private").exitCode()).isZero();
        assertThat(status(d + "/private").permission()).isEqualTo((short) 0700);

        CliRun denied = quarry("bob", "", "dfs", "-mkdir", d + "/private/x");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.err()).startsWith("mkdir: Permission denied: user=bob, access=EXECUTE, inode=\"" + d + "/private\"");
        assertThat(dfs("-mkdir", d + "/open").exitCode()).isZero();
        CliRun writeDenied = quarry("bob", "", "dfs", "-mkdir", d + "/open/y");
        assertThat(writeDenied.exitCode()).isEqualTo(1);
        assertThat(writeDenied.err()).startsWith("mkdir: Permission denied: user=bob, access=WRITE, inode=\"" + d + "/open\"");
        CliRun deniedLs = quarry("bob", "", "dfs", "-ls", d + "/private");
        assertThat(deniedLs.exitCode()).isEqualTo(1);
        assertThat(deniedLs.err()).startsWith("ls: Permission denied: user=bob");

        assertThat(dfs("-chown", "-R", "bob:staff", d + "/private").exitCode()).isZero();
        assertThat(status(d + "/private").owner()).isEqualTo("bob");
        assertThat(status(d + "/private").group()).isEqualTo("staff");
        assertThat(quarry("bob", "", "dfs", "-mkdir", d + "/private/x").exitCode()).isZero();
        assertThat(quarry("bob", "", "dfs", "-chmod", "-R", "go+rX", d + "/private").exitCode()).isZero();
        assertThat(status(d + "/private/x").permission()).isEqualTo((short) 0755);
        assertThat(dfs("-chgrp", "ops", d + "/private/x").exitCode()).isZero();
        assertThat(status(d + "/private/x").group()).isEqualTo("ops");
        CliRun notOwner = quarry("carol", "", "dfs", "-chmod", "777", d + "/private");
        assertThat(notOwner.exitCode()).isEqualTo(1);
        assertThat(notOwner.err()).startsWith("chmod: Permission denied: user=carol");
    }

    @Test
    void fsckAndDfsadminReportTheCluster(TestInfo test) throws Exception {
        String d = dir(test);
        assertThat(quarry(SUPERUSER, "block data", "dfs", "-put", "-", d + "/f").exitCode()).isZero();
        CliRun fsck = quarry(SUPERUSER, "", "fsck", d, "-files", "-blocks", "-locations");
        assertThat(fsck.exitCode()).as(fsck.toString()).isZero();
        assertThat(fsck.out()).contains(d + "/f 10 bytes").contains("HEALTHY");

        CliRun report = quarry(SUPERUSER, "", "dfsadmin", "-report");
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.out()).startsWith("Configured Capacity: ").contains("Live datanodes (2):").contains("Dead datanodes (0):")
                .contains("Rack: /default-rack").contains("Last contact: ");
        CliRun safemode = quarry(SUPERUSER, "", "dfsadmin", "-safemode", "get");
        assertThat(safemode.out()).isEqualTo("Safe mode is OFF\n");
        CliRun enter = quarry(SUPERUSER, "", "dfsadmin", "-safemode", "enter");
        assertThat(enter.exitCode()).as(enter.toString()).isZero();
        assertThat(enter.out()).startsWith("Safe mode is ON\n");
        assertThat(cluster.nameNode().isInSafeMode()).isTrue();
        assertThat(quarry(SUPERUSER, "", "dfsadmin", "-safemode", "leave").out()).isEqualTo("Safe mode is OFF\n");
        assertThat(cluster.nameNode().isInSafeMode()).isFalse();
        assertThat(quarry(SUPERUSER, "", "dfsadmin", "-safemode", "wait").out()).isEqualTo("Safe mode is OFF\n");
        CliRun notSuper = quarry("bob", "", "dfsadmin", "-safemode", "enter");
        assertThat(notSuper.exitCode()).isEqualTo(1);
        assertThat(notSuper.err()).startsWith("dfsadmin: Permission denied: user=bob");
    }
}
