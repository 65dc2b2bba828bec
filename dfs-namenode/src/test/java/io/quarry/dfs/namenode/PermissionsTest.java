package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.DeleteReply;
import io.quarry.dfs.protocol.client.DirectoryListing;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.GetListing;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.SafeModeAction;
import io.quarry.dfs.protocol.client.SafeModeStatus;
import io.quarry.dfs.protocol.client.SetOwner;
import io.quarry.dfs.protocol.client.SetPermission;
import io.quarry.dfs.protocol.client.SetSafeMode;

@Timeout(60)
class PermissionsTest {
    @TempDir
    Path dir;
    TestCluster cluster;
    TestCluster.Client admin;
    TestCluster.Client alice;
    TestCluster.Client bob;
    TestCluster.Client carol;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of());
        admin = cluster.client(TestCluster.ADMIN);
        alice = cluster.client("alice");
        bob = cluster.client("bob");
        carol = cluster.client("carol");
        admin.call(new Mkdirs("/data", (short) 0755, true));
        admin.call(new SetOwner("/data", "alice", "users"));
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    @Test
    void rootIsOwnedByTheNameNodeUserWithMode755() throws Exception {
        var root = admin.call(new GetFileInfo("/"), FileStatusReply.class).status();
        assertThat(root.owner()).isEqualTo(TestCluster.ADMIN);
        assertThat(root.permission()).isEqualTo((short) 0755);
    }

    @Test
    void writeToAnotherUsersDirectoryIsDeniedWithAnHdfsStyleMessage() throws Exception {
        assertThatThrownBy(() -> bob.call(new Mkdirs("/data/x", (short) 0755, false)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED))
                .hasMessage("Permission denied: user=bob, access=WRITE, inode=\"/data\":alice:users:drwxr-xr-x");
        alice.call(new Mkdirs("/data/x", (short) 0755, false));
        var status = alice.call(new GetFileInfo("/data/x"), FileStatusReply.class).status();
        assertThat(status.owner()).isEqualTo("alice");
        assertThat(status.group()).isEqualTo("users");
    }

    @Test
    void groupBitsApplyToGroupMembersAndOtherBitsToTheRest() throws Exception {
        alice.call(new SetPermission("/data", (short) 0770));
        bob.call(new Mkdirs("/data/bobs", (short) 0755, false));
        assertThatThrownBy(() -> carol.call(new GetListing("/data", ""), DirectoryListing.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThatThrownBy(() -> carol.call(new GetFileInfo("/data/bobs"), FileStatusReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED))
                .hasMessageContaining("access=EXECUTE");
    }

    @Test
    void readOfAFileNeedsReadPermission() throws Exception {
        alice.call(new Create("/data/secret", (short) 0600, alice.name(), false, false, (short) 1, 1 << 20), FileStatusReply.class);
        assertThatThrownBy(() -> bob.call(new io.quarry.dfs.protocol.client.GetBlockLocations("/data/secret", 0, 10, "h"),
                io.quarry.dfs.protocol.LocatedBlocks.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }

    @Test
    void onlyOwnerOrSuperuserMayChangeModeAndOnlySuperuserMayChown() throws Exception {
        assertThatThrownBy(() -> bob.call(new SetPermission("/data", (short) 0777)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        alice.call(new SetPermission("/data", (short) 0700));
        assertThatThrownBy(() -> alice.call(new SetOwner("/data", "bob", null)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        alice.call(new SetOwner("/data", null, "staff"));
        assertThatThrownBy(() -> alice.call(new SetOwner("/data", null, "other")))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        TestCluster.Client superGroupMember = cluster.client("root2");
        superGroupMember.call(new SetOwner("/data", "bob", "other"));
        var status = admin.call(new GetFileInfo("/data"), FileStatusReply.class).status();
        assertThat(status.owner()).isEqualTo("bob");
        assertThat(status.group()).isEqualTo("other");
    }

    @Test
    void deleteNeedsWriteOnTheParent() throws Exception {
        alice.call(new Mkdirs("/data/d", (short) 0755, false));
        assertThatThrownBy(() -> bob.call(new Delete("/data/d", true), DeleteReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThat(alice.call(new Delete("/data/d", true), DeleteReply.class).deleted()).isTrue();
    }

    @Test
    void safeModeChangesNeedASuperuser() throws Exception {
        assertThatThrownBy(() -> bob.call(new SetSafeMode(SafeModeAction.ENTER), SafeModeStatus.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThat(bob.call(new SetSafeMode(SafeModeAction.GET), SafeModeStatus.class).on()).isFalse();
    }
}
