package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.error.QuarryException;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.protocol.ContentSummary;

/** Namespace operations through the FileSystem API against a real NameNode. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NamespaceTest {
    @TempDir
    static java.nio.file.Path baseDir;
    static MiniQfsCluster cluster;
    static FileSystem fs;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = MiniQfsCluster.builder(baseDir).numDataNodes(1).set("dfs.replication", "1").set("dfs.blocksize", "64k").build();
        fs = cluster.fileSystem();
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void touch(Path path, int length) throws IOException {
        try (OutputStream out = fs.create(path, false)) {
            out.write(new byte[length]);
        }
    }

    @Test
    void listingReturnsEntriesInNameOrderAcrossPages() throws IOException {
        Path dir = new Path("/listing");
        fs.mkdirs(dir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Boolean>> created = new java.util.ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                Path child = new Path(dir, String.format("d%04d", i));
                created.add(pool.submit(() -> fs.mkdirs(child)));
            }
            for (java.util.concurrent.Future<Boolean> future : created) {
                assertThat(future.get()).isTrue();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        touch(new Path(dir, "file"), 10);
        List<FileStatus> entries = fs.listStatus(dir);
        assertThat(entries).hasSize(1201);
        assertThat(entries.get(0).path().name()).isEqualTo("d0000");
        assertThat(entries.get(1200).path().name()).isEqualTo("file");
        assertThat(entries.get(1200).length()).isEqualTo(10);
        assertThat(entries.get(0).path().toString()).startsWith("qfs://127.0.0.1:");
        assertThat(fs.listStatus(new Path(dir, "file"))).extracting(s -> s.path().name()).containsExactly("file");
    }

    @Test
    void relativePathsResolveAgainstTheUserHomeDirectory() throws IOException {
        touch(new Path("relative-file"), 3);
        FileStatus status = fs.getFileStatus(new Path("relative-file"));
        assertThat(status.path().path()).startsWith("/user/").endsWith("/relative-file");
    }

    @Test
    void renameMovesFilesAndDirectoriesIntoExistingDirectories() throws IOException {
        touch(new Path("/rename/a/f"), 5);
        fs.mkdirs(new Path("/rename/b"));
        fs.rename(new Path("/rename/a"), new Path("/rename/b"));
        assertThat(fs.exists(new Path("/rename/b/a/f"))).isTrue();
        assertThat(fs.exists(new Path("/rename/a"))).isFalse();
        fs.rename(new Path("/rename/b/a/f"), new Path("/rename/g"));
        assertThat(fs.getFileStatus(new Path("/rename/g")).length()).isEqualTo(5);
    }

    @Test
    void renameIntoOwnSubtreeFails() throws IOException {
        fs.mkdirs(new Path("/subtree/x/y"));
        assertThatThrownBy(() -> fs.rename(new Path("/subtree/x"), new Path("/subtree/x/y/z")))
                .isInstanceOf(QuarryException.class);
        assertThat(fs.exists(new Path("/subtree/x/y"))).isTrue();
    }

    @Test
    void missingPathThrowsFileNotFoundNamingIt() {
        Path missing = new Path("/no/such/path");
        assertThatThrownBy(() -> fs.getFileStatus(missing)).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/no/such/path");
        assertThatThrownBy(() -> fs.open(missing)).isInstanceOf(FileNotFoundException.class).hasMessageContaining("/no/such/path");
        assertThatThrownBy(() -> fs.listStatus(missing)).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/no/such/path");
        assertThatThrownBy(() -> fs.rename(missing, new Path("/elsewhere"))).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/no/such/path");
    }

    @Test
    void mkdirOverAFileFails() throws IOException {
        touch(new Path("/mkdir/file"), 1);
        assertThatThrownBy(() -> fs.mkdirs(new Path("/mkdir/file"))).isInstanceOf(QuarryException.class);
        assertThatThrownBy(() -> fs.mkdirs(new Path("/mkdir/file/sub"))).isInstanceOf(QuarryException.class);
    }

    @Test
    void createRefusesAnExistingFileUnlessOverwriting() throws IOException {
        touch(new Path("/create/f"), 1);
        assertThatThrownBy(() -> touch(new Path("/create/f"), 1)).isInstanceOf(QuarryException.class);
        try (OutputStream out = fs.create(new Path("/create/f"), true)) {
            out.write(new byte[7]);
        }
        assertThat(fs.getFileStatus(new Path("/create/f")).length()).isEqualTo(7);
    }

    @Test
    void deleteNeedsRecursiveForANonEmptyDirectory() throws IOException {
        touch(new Path("/delete/d/f"), 1);
        assertThatThrownBy(() -> fs.delete(new Path("/delete/d"), false)).isInstanceOf(QuarryException.class);
        assertThat(fs.delete(new Path("/delete/d"), true)).isTrue();
        assertThat(fs.exists(new Path("/delete/d"))).isFalse();
        assertThat(fs.delete(new Path("/delete/d"), true)).isFalse();
    }

    @Test
    void newFilesAndDirectoriesGetTheUmaskAppliedAndSetPermissionSticks() throws IOException {
        touch(new Path("/perm/f"), 1);
        assertThat(fs.getFileStatus(new Path("/perm/f")).permission()).isEqualTo((short) 0644);
        assertThat(fs.getFileStatus(new Path("/perm")).permission()).isEqualTo((short) 0755);
        fs.setPermission(new Path("/perm/f"), (short) 0600);
        assertThat(fs.getFileStatus(new Path("/perm/f")).permission()).isEqualTo((short) 0600);
    }

    @Test
    void contentSummaryAndGlobCountTheTree() throws IOException {
        touch(new Path("/summary/a/1.log"), 100);
        touch(new Path("/summary/b/2.log"), 50);
        touch(new Path("/summary/b/3.txt"), 1);
        ContentSummary summary = fs.getContentSummary(new Path("/summary"));
        assertThat(summary.length()).isEqualTo(151);
        assertThat(summary.fileCount()).isEqualTo(3);
        assertThat(fs.globStatus(new Path("/summary/*/*.log"))).extracting(s -> s.path().path())
                .containsExactly("/summary/a/1.log", "/summary/b/2.log");
    }
}
