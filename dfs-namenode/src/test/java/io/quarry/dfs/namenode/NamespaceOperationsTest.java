package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.ContentSummary;
import io.quarry.dfs.protocol.FileStatusInfo;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.DeleteReply;
import io.quarry.dfs.protocol.client.DirectoryListing;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetContentSummary;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.GetListing;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.Rename;
import io.quarry.dfs.protocol.client.SetReplication;

@Timeout(60)
class NamespaceOperationsTest {
    @TempDir
    Path dir;
    TestCluster cluster;
    TestCluster.Client admin;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of());
        admin = cluster.client(TestCluster.ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    private FileStatusInfo stat(String path) throws QuarryException {
        return admin.call(new GetFileInfo(path), FileStatusReply.class).status();
    }

    private void createClosed(TestCluster.Client client, String path) throws QuarryException {
        FileStatusInfo status = client.call(new Create(path, (short) 0644, client.name(), false, true, (short) 1, 1 << 20),
                FileStatusReply.class).status();
        assertThat(client.call(new Complete(path, status.fileId(), client.name(), null), CompleteReply.class).completed()).isTrue();
    }

    private static ErrorCode codeOf(ThrowingCall call) {
        try {
            call.run();
        } catch (QuarryException e) {
            return e.code();
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("expected a failure");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void mkdirsCreatesParentsAndIsIdempotent() throws Exception {
        admin.call(new Mkdirs("/a/b/c", (short) 0750, true));
        admin.call(new Mkdirs("/a/b/c", (short) 0750, true));
        FileStatusInfo c = stat("/a/b/c");
        assertThat(c.directory()).isTrue();
        assertThat(c.permission()).isEqualTo((short) 0750);
        assertThat(c.owner()).isEqualTo(TestCluster.ADMIN);
        assertThat(stat("/a").directory()).isTrue();
    }

    @Test
    void mkdirsWithoutCreateParentFailsWhenParentMissing() {
        assertThatThrownBy(() -> admin.call(new Mkdirs("/x/y", (short) 0755, false)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("/x");
    }

    @Test
    void mkdirsUnderAFileNamesTheFile() throws Exception {
        admin.call(new Mkdirs("/a", (short) 0755, true));
        createClosed(admin, "/a/b");
        assertThatThrownBy(() -> admin.call(new Mkdirs("/a/b/c", (short) 0755, true)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARENT_NOT_DIRECTORY))
                .hasMessage("mkdirs /a/b/c: /a/b is a file");
    }

    @Test
    void malformedPathsAreRejected() {
        for (String bad : List.of("a/b", "/a//b", "/a/", "/a/../b", "/./a", "")) {
            assertThat(codeOf(() -> admin.call(new GetFileInfo(bad), FileStatusReply.class))).as(bad).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void createErrors() throws Exception {
        admin.call(new Mkdirs("/d", (short) 0755, true));
        createClosed(admin, "/d/f");
        String me = admin.name();
        assertThat(codeOf(() -> admin.call(new Create("/d/f", (short) 0644, me, false, true, (short) 1, 1 << 20))))
                .isEqualTo(ErrorCode.FILE_ALREADY_EXISTS);
        assertThat(codeOf(() -> admin.call(new Create("/d", (short) 0644, me, true, true, (short) 1, 1 << 20))))
                .isEqualTo(ErrorCode.IS_A_DIRECTORY);
        assertThat(codeOf(() -> admin.call(new Create("/d/f/g", (short) 0644, me, false, true, (short) 1, 1 << 20))))
                .isEqualTo(ErrorCode.PARENT_NOT_DIRECTORY);
        assertThat(codeOf(() -> admin.call(new Create("/nope/g", (short) 0644, me, false, false, (short) 1, 1 << 20))))
                .isEqualTo(ErrorCode.FILE_NOT_FOUND);
        // Overwrite replaces the closed file.
        FileStatusInfo again = admin.call(new Create("/d/f", (short) 0600, me, true, false, (short) 1, 1 << 20), FileStatusReply.class).status();
        assertThat(stat("/d/f").fileId()).isEqualTo(again.fileId());
    }

    @Test
    void createOfAFileOpenByAnotherClientIsALeaseConflict() throws Exception {
        TestCluster.Client other = cluster.client(TestCluster.ADMIN);
        admin.call(new Create("/open", (short) 0644, admin.name(), false, true, (short) 1, 1 << 20), FileStatusReply.class);
        assertThatThrownBy(() -> other.call(new Create("/open", (short) 0644, other.name(), true, true, (short) 1, 1 << 20)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEASE_CONFLICT))
                .hasMessageContaining(admin.name());
    }

    @Test
    void createWithCreateParentMakesDirectoriesAndInheritsGroup() throws Exception {
        createClosed(admin, "/p/q/r");
        assertThat(stat("/p/q").directory()).isTrue();
        assertThat(stat("/p/q/r").group()).isEqualTo("supergroup");
        assertThat(stat("/p/q/r").permission()).isEqualTo((short) 0644);
    }

    @Test
    void listingIsPagedInNameOrder() throws Exception {
        admin.call(new Mkdirs("/many", (short) 0755, true));
        List<String> expected = new ArrayList<>();
        var ops = cluster.nameNode.operations();
        var caller = new io.quarry.dfs.namenode.namespace.Caller(TestCluster.ADMIN, List.of(), true);
        List<java.util.concurrent.CompletableFuture<Object>> made = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String name = String.format("f%05d", i);
            expected.add("/many/" + name);
            made.add(cluster.nameNode.controller().submit("mkdirs", () -> ops.namespace().mkdirs(caller,
                    new Mkdirs("/many/" + name, (short) 0755, false))));
        }
        for (var future : made) {
            future.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (true) {
            DirectoryListing page = admin.call(new GetListing("/many", after), DirectoryListing.class);
            pages++;
            page.entries().forEach(e -> seen.add(e.path()));
            if (page.remaining() == 0) {
                break;
            }
            assertThat(page.entries()).hasSize(1000);
            after = seen.get(seen.size() - 1).substring("/many/".length());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void listingAFileReturnsTheFile() throws Exception {
        createClosed(admin, "/f");
        DirectoryListing listing = admin.call(new GetListing("/f", ""), DirectoryListing.class);
        assertThat(listing.entries()).extracting(FileStatusInfo::path).containsExactly("/f");
        assertThat(codeOf(() -> admin.call(new GetListing("/missing", ""), DirectoryListing.class))).isEqualTo(ErrorCode.FILE_NOT_FOUND);
    }

    @Test
    void renameMovesFilesAndDirectoriesAtomically() throws Exception {
        createClosed(admin, "/src/a/file");
        admin.call(new Rename("/src/a", "/dst"));
        assertThat(stat("/src/a")).isNull();
        assertThat(stat("/dst/file")).isNotNull();
        admin.call(new Mkdirs("/into", (short) 0755, false));
        admin.call(new Rename("/dst", "/into"));
        assertThat(stat("/into/dst/file")).isNotNull();
        admin.call(new Rename("/into/dst/file", "/renamed"));
        assertThat(stat("/renamed").directory()).isFalse();
    }

    @Test
    void renameErrors() throws Exception {
        admin.call(new Mkdirs("/a/b", (short) 0755, true));
        createClosed(admin, "/file");
        createClosed(admin, "/file2");
        assertThat(codeOf(() -> admin.call(new Rename("/missing", "/x")))).isEqualTo(ErrorCode.FILE_NOT_FOUND);
        assertThat(codeOf(() -> admin.call(new Rename("/file", "/file2")))).isEqualTo(ErrorCode.FILE_ALREADY_EXISTS);
        assertThat(codeOf(() -> admin.call(new Rename("/a", "/a/b/c")))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> admin.call(new Rename("/", "/x")))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> admin.call(new Rename("/file", "/nope/x")))).isEqualTo(ErrorCode.FILE_NOT_FOUND);
    }

    @Test
    void deleteNeedsRecursiveForNonEmptyDirectories() throws Exception {
        createClosed(admin, "/d/e/f");
        assertThat(codeOf(() -> admin.call(new Delete("/d", false), DeleteReply.class))).isEqualTo(ErrorCode.DIRECTORY_NOT_EMPTY);
        assertThat(admin.call(new Delete("/d", true), DeleteReply.class).deleted()).isTrue();
        assertThat(stat("/d")).isNull();
        assertThat(admin.call(new Delete("/d", true), DeleteReply.class).deleted()).isFalse();
        assertThat(cluster.nameNode.operations().state().directory().fileCount()).isZero();
    }

    @Test
    void contentSummaryCountsFilesAndDirectories() throws Exception {
        createClosed(admin, "/s/a");
        createClosed(admin, "/s/t/b");
        ContentSummary summary = admin.call(new GetContentSummary("/s"), ContentSummary.class);
        assertThat(summary.fileCount()).isEqualTo(2);
        assertThat(summary.directoryCount()).isEqualTo(2);
    }

    @Test
    void setReplicationValidatesRange() throws Exception {
        createClosed(admin, "/r");
        admin.call(new SetReplication("/r", (short) 3));
        assertThat(stat("/r").replication()).isEqualTo((short) 3);
        assertThat(codeOf(() -> admin.call(new SetReplication("/r", (short) 0)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> admin.call(new SetReplication("/missing", (short) 2)))).isEqualTo(ErrorCode.FILE_NOT_FOUND);
    }
}
