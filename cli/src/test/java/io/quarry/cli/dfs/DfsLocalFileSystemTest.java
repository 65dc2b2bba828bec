package io.quarry.cli.dfs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry dfs} on file:// paths works without any cluster. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DfsLocalFileSystemTest {
    @TempDir
    Path dir;

    private static CliRun dfs(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "dfs";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.run(FileSystemOpener.standard(), full);
    }

    private String uri(String relative) {
        return "file://" + dir.resolve(relative).toAbsolutePath();
    }

    @Test
    void putListCatGetAndRemoveOnTheLocalDisk() throws Exception {
        Path source = dir.resolve("source.txt");
        Files.writeString(source, "local bytes\n", StandardCharsets.UTF_8);
        assertThat(dfs("-mkdir", "-p", uri("tree/sub")).exitCode()).isZero();
        CliRun put = dfs("-put", source.toString(), uri("tree/sub"));
        assertThat(put.exitCode()).as(put.toString()).isZero();

        FileStatus status;
        try (FileSystem local = FileSystem.get(java.net.URI.create("file:///"), Configuration.empty())) {
            status = local.getFileStatus(new io.quarry.dfs.Path(uri("tree/sub/source.txt")));
        }
        CliRun ls = dfs("-ls", uri("tree/sub"));
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.out()).isEqualTo("Found 1 items\n" + String.format("-rw-r--r--   1 %s %s %10d %s %s%n", status.owner(),
                status.group(), 12, ShellFormat.listTime(status.modificationTime()), uri("tree/sub/source.txt")));

        assertThat(dfs("-cat", uri("tree/sub/*.txt")).out()).isEqualTo("local bytes\n");
        assertThat(dfs("-test", "-d", uri("tree")).exitCode()).isZero();
        assertThat(dfs("-test", "-f", uri("tree")).exitCode()).isEqualTo(1);

        Path copy = dir.resolve("copy.txt");
        assertThat(dfs("-get", uri("tree/sub/source.txt"), copy.toString()).exitCode()).isZero();
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo("local bytes\n");
        CliRun again = dfs("-get", uri("tree/sub/source.txt"), copy.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("get: `" + copy + "': File exists\n");

        assertThat(dfs("-mv", uri("tree/sub/source.txt"), uri("tree/moved.txt")).exitCode()).isZero();
        assertThat(Files.exists(dir.resolve("tree/moved.txt"))).isTrue();
        assertThat(dfs("-cp", uri("tree/moved.txt"), uri("tree/copied.txt")).exitCode()).isZero();
        assertThat(dfs("-du", "-s", uri("tree")).out()).isEqualTo("24  24  " + uri("tree") + "\n");

        CliRun refused = dfs("-rm", uri("tree"));
        assertThat(refused.err()).isEqualTo("rm: `" + uri("tree") + "': Is a directory\n");
        CliRun removed = dfs("-rm", "-r", uri("tree"));
        assertThat(removed.out()).isEqualTo("Deleted " + uri("tree") + "\n");
        assertThat(Files.exists(dir.resolve("tree"))).isFalse();
    }

    @Test
    void putAndGetCopyDirectoryTreesAndSeveralSourcesNeedADirectory() throws Exception {
        Path tree = dir.resolve("local-tree");
        Files.createDirectories(tree.resolve("inner"));
        Files.writeString(tree.resolve("top.txt"), "top", StandardCharsets.UTF_8);
        Files.writeString(tree.resolve("inner/deep.txt"), "deep", StandardCharsets.UTF_8);
        assertThat(dfs("-mkdir", uri("store")).exitCode()).isZero();
        CliRun put = dfs("-put", tree.toString(), uri("store"));
        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(Files.readString(dir.resolve("store/local-tree/inner/deep.txt"), StandardCharsets.UTF_8)).isEqualTo("deep");

        Path back = dir.resolve("back");
        assertThat(dfs("-get", uri("store/local-tree"), back.toString()).exitCode()).isZero();
        assertThat(Files.readString(back.resolve("top.txt"), StandardCharsets.UTF_8)).isEqualTo("top");

        CliRun several = dfs("-put", tree.resolve("top.txt").toString(), tree.resolve("inner/deep.txt").toString(), uri("nowhere"));
        assertThat(several.exitCode()).isEqualTo(1);
        assertThat(several.err()).isEqualTo("put: `" + uri("nowhere") + "': No such file or directory\n");
    }

    @Test
    void missingLocalPathsAreReportedLikeFsShell() {
        CliRun ls = dfs("-ls", uri("nope"));
        assertThat(ls.exitCode()).isEqualTo(1);
        assertThat(ls.err()).isEqualTo("ls: `" + uri("nope") + "': No such file or directory\n");
        String missing = dir.resolve("missing.txt").toString();
        CliRun put = dfs("-put", missing, uri("x"));
        assertThat(put.exitCode()).isEqualTo(1);
        assertThat(put.err()).isEqualTo("put: `" + missing + "': No such file or directory\n");
    }
}
