package io.quarry.cli.dfs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliIo;
import io.quarry.cli.CliRun;
import io.quarry.cli.CommandRegistry;
import io.quarry.cli.Quarry;
import io.quarry.cli.FileSystemOpener;
import io.quarry.cli.InMemoryFileSystem;
import io.quarry.common.testing.Await;
import io.quarry.dfs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell's ops, output layouts, messages and exit codes, against an in-memory filesystem
 * standing in for QFS (the cluster tests cover the same ops end to end).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DfsShellTest {
    private static final long START = Instant.parse("2026-11-28T04:13:00Z").toEpochMilli();
    private static final String TIME = ShellFormat.listTime(START);

    private InMemoryFileSystem qfs;
    private FileSystemOpener opener;

    @BeforeEach
    void setUp() {
        qfs = new InMemoryFileSystem(URI.create("qfs://127.0.0.1:8020/"), "alice", START);
        qfs.mkdirsAs("/user/alice", "alice");
        opener = (uri, conf) -> qfs;
    }

    private CliRun dfs(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "-Dquarry.user.name=alice";
        full[1] = "dfs";
        System.arraycopy(args, 0, full, 2, args.length);
        return CliRun.run(opener, full);
    }

    @Test
    void lsPrintsHadoopLayoutWithFoundHeader() throws Exception {
        qfs.mkdirsAs("/user/alice/x", "alice");
        qfs.writeFile("/user/alice/data.txt", "hello world\n");
        CliRun run = dfs("-ls", "/user/alice");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Found 2 items\n"
                + "-rw-r--r--   3 alice supergroup         12 " + TIME + " /user/alice/data.txt\n"
                + "drwxr-xr-x   - alice supergroup          0 " + TIME + " /user/alice/x\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void lsOfRelativePathListsTheHomeDirectoryWithRelativeNames() throws Exception {
        qfs.writeFile("/user/alice/a", "1");
        CliRun run = dfs("-ls");
        assertThat(run.out()).isEqualTo("Found 1 items\n-rw-r--r--   3 alice supergroup          1 " + TIME + " a\n");
    }

    @Test
    void lsRecursiveAndHumanSizesAndDirectoryFlag() throws Exception {
        qfs.writeFile("/d/sub/big", "x".repeat(1536));
        CliRun recursive = dfs("-ls", "-R", "-h", "/d");
        assertThat(recursive.out()).isEqualTo(
                "drwxr-xr-x   - alice supergroup          0 " + TIME + " /d/sub\n"
                        + "-rw-r--r--   3 alice supergroup      1.5 K " + TIME + " /d/sub/big\n");
        CliRun directory = dfs("-ls", "-d", "/d");
        assertThat(directory.out()).isEqualTo("drwxr-xr-x   - alice supergroup          0 " + TIME + " /d\n");
    }

    @Test
    void lsOfMissingPathFailsLikeFsShell() {
        CliRun run = dfs("-ls", "/nope");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("ls: `/nope': No such file or directory\n");
    }

    @Test
    void globsExpandAndNonMatchingGlobIsAnError() throws Exception {
        qfs.writeFile("/logs/a.log", "a");
        qfs.writeFile("/logs/b.log", "bb");
        qfs.writeFile("/logs/c.txt", "c");
        CliRun run = dfs("-cat", "/logs/*.log");
        assertThat(run.out()).isEqualTo("abb");
        CliRun none = dfs("-cat", "/logs/*.csv");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("cat: `/logs/*.csv': No such file or directory\n");
    }

    @Test
    void mkdirNeedsParentsUnlessDashPAndRefusesExistingPaths() throws Exception {
        assertThat(dfs("-mkdir", "/a/b").err()).isEqualTo("mkdir: `/a/b': No such file or directory\n");
        assertThat(dfs("-mkdir", "-p", "/a/b").exitCode()).isZero();
        assertThat(qfs.getFileStatus(new Path("/a/b")).isDirectory()).isTrue();
        assertThat(dfs("-mkdir", "-p", "/a/b").exitCode()).isZero();
        CliRun again = dfs("-mkdir", "/a/b");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("mkdir: `/a/b': File exists\n");
        qfs.writeFile("/f", "x");
        assertThat(dfs("-mkdir", "/f").err()).isEqualTo("mkdir: `/f': Is not a directory\n");
        assertThat(dfs("-mkdir", "-p", "/f/g").err()).isEqualTo("mkdir: `/f/g': Is not a directory\n");
    }

    @Test
    void putFromStdinThenCatAndRefuseOverwriteWithoutF() throws Exception {
        CliRun put = CliRun.withStdin(opener, "payload", "dfs", "-put", "-", "/in.txt");
        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(dfs("-cat", "/in.txt").out()).isEqualTo("payload");
        CliRun again = CliRun.withStdin(opener, "other", "dfs", "-put", "-", "/in.txt");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("put: `/in.txt': File exists\n");
        assertThat(CliRun.withStdin(opener, "other", "dfs", "-put", "-f", "-", "/in.txt").exitCode()).isZero();
        assertThat(dfs("-cat", "/in.txt").out()).isEqualTo("other");
    }

    @Test
    void catOfDirectoryIsAnError() {
        CliRun run = dfs("-cat", "/user");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cat: `/user': Is a directory\n");
    }

    @Test
    void tailPrintsTheLastKilobyte() throws Exception {
        String content = "a".repeat(100) + "b".repeat(1024);
        qfs.writeFile("/t", content);
        assertThat(dfs("-tail", "/t").out()).isEqualTo("b".repeat(1024));
    }

    @Test
    void tailFollowPrintsAppendedDataUntilInterrupted() throws Exception {
        qfs.writeFile("/log", "first\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CliIo io = new CliIo(new ByteArrayInputStream(new byte[0]), print, print);
        int[] exit = {-1};
        Thread follower = new Thread(() -> exit[0] = new Quarry(CommandRegistry.standard(), io, opener).run("dfs", "-tail", "-f", "/log"),
                "tail-follower");
        follower.start();
        Await.until("the first line", Duration.ofSeconds(10), () -> out.toString(StandardCharsets.UTF_8).equals("first\n"));
        qfs.writeFile("/log", "first\nsecond\n");
        Await.until("the appended line", Duration.ofSeconds(10), () -> out.toString(StandardCharsets.UTF_8).equals("first\nsecond\n"));
        follower.interrupt();
        follower.join(10_000);
        assertThat(follower.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    @Test
    void rmRefusesNonEmptyDirectoryWithoutRAndReportsDeletes() throws Exception {
        qfs.writeFile("/dir/f", "x");
        CliRun refused = dfs("-rm", "/dir");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("rm: `/dir': Is a directory\n");
        CliRun removed = dfs("-rm", "-r", "-skipTrash", "/dir");
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).isEqualTo("Deleted /dir\n");
        assertThat(qfs.exists(new Path("/dir"))).isFalse();
        assertThat(dfs("-rm", "/dir").err()).isEqualTo("rm: `/dir': No such file or directory\n");
        CliRun forced = dfs("-rm", "-f", "/dir");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.err()).isEmpty();
    }

    @Test
    void rmdirOnlyRemovesEmptyDirectories() throws Exception {
        qfs.writeFile("/full/f", "x");
        qfs.mkdirsAs("/empty", "alice");
        assertThat(dfs("-rmdir", "/full").err()).isEqualTo("rmdir: `/full': Directory is not empty\n");
        assertThat(dfs("-rmdir", "/empty").exitCode()).isZero();
        assertThat(qfs.exists(new Path("/empty"))).isFalse();
    }

    @Test
    void mvRenamesAndMovesIntoDirectoriesButKeepsExistingTargets() throws Exception {
        qfs.writeFile("/a", "1");
        qfs.writeFile("/b", "2");
        qfs.mkdirsAs("/dir", "alice");
        assertThat(dfs("-mv", "/a", "/a2").exitCode()).isZero();
        assertThat(dfs("-cat", "/a2").out()).isEqualTo("1");
        CliRun clash = dfs("-mv", "/a2", "/b");
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.err()).isEqualTo("mv: `/b': File exists\n");
        assertThat(dfs("-mv", "/a2", "/b", "/dir").exitCode()).isZero();
        assertThat(dfs("-ls", "-R", "/dir").out()).contains("/dir/a2\n").contains("/dir/b\n");
        assertThat(dfs("-mv", "/dir/a2", "/dir/b", "/nodir").err()).isEqualTo("mv: `/nodir': No such file or directory\n");
        assertThat(dfs("-mv", "/dir/a2", "/dir/b", "/dir/a2").err()).isEqualTo("mv: `/dir/a2': Is not a directory\n");
    }

    @Test
    void cpCopiesFilesAndTreesAndNeedsFToOverwrite() throws Exception {
        qfs.writeFile("/src/one", "1");
        qfs.writeFile("/src/deep/two", "22");
        assertThat(dfs("-cp", "/src", "/copy").exitCode()).isZero();
        assertThat(dfs("-cat", "/copy/one", "/copy/deep/two").out()).isEqualTo("122");
        CliRun clash = dfs("-cp", "/src/one", "/copy/one");
        assertThat(clash.err()).isEqualTo("cp: `/copy/one': File exists\n");
        assertThat(dfs("-cp", "-f", "/src/deep/two", "/copy/one").exitCode()).isZero();
        assertThat(dfs("-cat", "/copy/one").out()).isEqualTo("22");
    }

    @Test
    void duCountAndStatReportSizes() throws Exception {
        qfs.writeFile("/s/a", "12345");
        qfs.writeFile("/s/sub/b", "123");
        assertThat(dfs("-du", "/s").out()).isEqualTo("5  15  /s/a\n3  9   /s/sub\n");
        assertThat(dfs("-du", "-s", "/s").out()).isEqualTo("8  24  /s\n");
        assertThat(dfs("-count", "/s").out()).isEqualTo(String.format("%12d %12d %18d %s%n", 2, 2, 8, "/s"));
        assertThat(dfs("-stat", "%n %b %r %o %F %u %g %a %A", "/s/a").out())
                .isEqualTo("a 5 3 134217728 regular file alice supergroup 644 rw-r--r--\n");
        assertThat(dfs("-stat", "%F %r", "/s").out()).isEqualTo("directory 0\n");
        long modified = qfs.getFileStatus(new Path("/s/a")).modificationTime();
        assertThat(dfs("-stat", "/s/a").out()).isEqualTo(ShellFormat.statTime(modified) + "\n");
    }

    @Test
    void testAnswersWithTheExitCode() throws Exception {
        qfs.writeFile("/file", "x");
        qfs.writeFile("/empty", "");
        assertThat(dfs("-test", "-e", "/file").exitCode()).isZero();
        assertThat(dfs("-test", "-e", "/missing").exitCode()).isEqualTo(1);
        assertThat(dfs("-test", "-d", "/user").exitCode()).isZero();
        assertThat(dfs("-test", "-d", "/file").exitCode()).isEqualTo(1);
        assertThat(dfs("-test", "-f", "/file").exitCode()).isZero();
        assertThat(dfs("-test", "-s", "/file").exitCode()).isZero();
        assertThat(dfs("-test", "-s", "/empty").exitCode()).isEqualTo(1);
        assertThat(dfs("-test", "-z", "/empty").exitCode()).isZero();
        assertThat(dfs("-test", "/file").exitCode()).isEqualTo(2);
    }

    @Test
    void setrepWaitsUntilEveryBlockHasTheReplicas() throws Exception {
        qfs.writeFile("/r/f", "data");
        CliRun run = dfs("-setrep", "-w", "2", "/r");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Replication 2 set: /r/f\nWaiting for /r/f ... done\n");
        assertThat(qfs.getFileStatus(new Path("/r/f")).replication()).isEqualTo((short) 2);
        assertThat(dfs("-setrep", "x", "/r").exitCode()).isEqualTo(2);
    }

    @Test
    void chmodTakesOctalAndSymbolicModesRecursively() throws Exception {
        qfs.writeFile("/p/f", "x");
        assertThat(dfs("-chmod", "700", "/p/f").exitCode()).isZero();
        assertThat(qfs.getFileStatus(new Path("/p/f")).permission()).isEqualTo((short) 0700);
        assertThat(dfs("-chmod", "-R", "go+rX,u-w", "/p").exitCode()).isZero();
        assertThat(qfs.getFileStatus(new Path("/p")).permission()).isEqualTo((short) 0555);
        assertThat(qfs.getFileStatus(new Path("/p/f")).permission()).isEqualTo((short) 0555);
        assertThat(dfs("-chmod", "+t", "/p").exitCode()).isZero();
        assertThat(dfs("-ls", "-d", "/p").out()).startsWith("dr-xr-xr-t");
        CliRun bad = dfs("-chmod", "u+q", "/p");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("does not match the expected pattern");
    }

    @Test
    void chownAndChgrpChangeOwnerAndGroup() throws Exception {
        qfs.writeFile("/o/f", "x");
        assertThat(dfs("-chown", "-R", "bob:staff", "/o").exitCode()).isZero();
        assertThat(qfs.getFileStatus(new Path("/o/f")).owner()).isEqualTo("bob");
        assertThat(qfs.getFileStatus(new Path("/o/f")).group()).isEqualTo("staff");
        assertThat(dfs("-chgrp", "ops", "/o/f").exitCode()).isZero();
        assertThat(qfs.getFileStatus(new Path("/o/f")).group()).isEqualTo("ops");
        assertThat(qfs.getFileStatus(new Path("/o/f")).owner()).isEqualTo("bob");
        assertThat(dfs("-chown", ":", "/o/f").exitCode()).isEqualTo(2);
    }

    @Test
    void touchzCreatesEmptyFilesButNotOverData() throws Exception {
        assertThat(dfs("-touchz", "/z").exitCode()).isZero();
        assertThat(qfs.getFileStatus(new Path("/z")).length()).isZero();
        qfs.writeFile("/full", "x");
        assertThat(dfs("-touchz", "/full").err()).isEqualTo("touchz: `/full': Not a zero-length file\n");
    }

    @Test
    void badUsageExitsWithTwoAndPrintsUsage() {
        CliRun unknownOp = dfs("-lss", "/");
        assertThat(unknownOp.exitCode()).isEqualTo(2);
        assertThat(unknownOp.err()).startsWith("-lss: Unknown command (did you mean -ls?)\n");
        CliRun badFlag = dfs("-ls", "-Z", "/");
        assertThat(badFlag.exitCode()).isEqualTo(2);
        assertThat(badFlag.err()).startsWith("ls: Illegal option -Z\nUsage: quarry dfs [generic options] -ls [-R] [-h] [-d]");
        CliRun missing = dfs("-mv", "/only");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(dfs().exitCode()).isEqualTo(2);
    }

    @Test
    void helpListsEveryOp() {
        CliRun run = dfs("-help");
        assertThat(run.exitCode()).isZero();
        for (String op : new String[] {"-ls", "-mkdir", "-put", "-get", "-cat", "-tail", "-rm", "-rmdir", "-mv", "-cp", "-du",
                "-count", "-stat", "-test", "-setrep", "-chmod", "-chown", "-chgrp", "-touchz"}) {
            assertThat(run.out()).contains("[" + op + " ");
        }
        assertThat(dfs("-help", "ls").out()).startsWith("-ls [-R] [-h] [-d] [<path> ...] :\n");
    }
}
