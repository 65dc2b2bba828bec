package io.quarry.dfs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs;
    private Path root;

    @BeforeEach
    void open() throws IOException {
        fs = FileSystem.get(new Path("file:///"), Configuration.empty().with("dfs.blocksize", "1k"));
        root = new Path("file://" + dir.toAbsolutePath());
    }

    private void write(Path path, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(path, false)) {
            out.write(bytes);
        }
    }

    @Test
    void fileSystemsOpensLocalForFileSchemeAndRejectsUnknownSchemes() {
        assertThat(fs).isInstanceOf(LocalFileSystem.class);
        assertThatThrownBy(() -> FileSystem.get(java.net.URI.create("s3://bucket/x"), Configuration.empty()))
                .isInstanceOf(IOException.class).hasMessageContaining("s3");
    }

    @Test
    void writesReadsAndSeeks() throws IOException {
        Path file = new Path(root, "a/b/file");
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        write(file, bytes);
        try (SeekableInputStream in = fs.openSeekable(file)) {
            assertThat(in.length()).isEqualTo(3000);
            in.seek(2000);
            assertThat(in.read()).isEqualTo(2000 & 0xff);
            assertThat(in.position()).isEqualTo(2001);
        }
        try (InputStream in = fs.open(file)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        FileStatus status = fs.getFileStatus(file);
        assertThat(status.length()).isEqualTo(3000);
        assertThat(status.replication()).isEqualTo((short) 1);
        assertThat(status.blockSize()).isEqualTo(1024);
        assertThat(status.isFile()).isTrue();
    }

    @Test
    void missingPathsThrowFileNotFoundNamingThePath() {
        Path missing = new Path(root, "nope");
        assertThatThrownBy(() -> fs.getFileStatus(missing)).isInstanceOf(FileNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> fs.open(missing)).isInstanceOf(FileNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> fs.listStatus(missing)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> fs.rename(missing, new Path(root, "other"))).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void createRefusesExistingFileUnlessOverwrite() throws IOException {
        Path file = new Path(root, "f");
        write(file, new byte[] {1});
        assertThatThrownBy(() -> fs.create(file, false)).isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.FILE_ALREADY_EXISTS));
        try (OutputStream out = fs.create(file, true)) {
            out.write(new byte[] {2, 3});
        }
        assertThat(fs.getFileStatus(file).length()).isEqualTo(2);
        assertThatThrownBy(() -> fs.create(new Path(root, "no/parent"), CreateOptions.defaults().withCreateParent(false)))
                .isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void mkdirsOverAFileFails() throws IOException {
        Path file = new Path(root, "f");
        write(file, new byte[] {1});
        assertThatThrownBy(() -> fs.mkdirs(file)).isInstanceOf(QuarryException.class);
        assertThatThrownBy(() -> fs.mkdirs(new Path(file, "sub"))).isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.PARENT_NOT_DIRECTORY));
        assertThat(fs.mkdirs(new Path(root, "x/y/z"))).isTrue();
        assertThat(fs.getFileStatus(new Path(root, "x/y/z")).isDirectory()).isTrue();
    }

    @Test
    void renameMovesIntoExistingDirectoriesAndRefusesOwnSubtreeAndExistingTargets() throws IOException {
        Path dirA = new Path(root, "a");
        Path dirB = new Path(root, "b");
        fs.mkdirs(dirA);
        fs.mkdirs(dirB);
        write(new Path(dirA, "f"), new byte[] {1});
        fs.rename(dirA, dirB);
        assertThat(fs.exists(new Path(root, "b/a/f"))).isTrue();
        assertThat(fs.exists(dirA)).isFalse();
        assertThatThrownBy(() -> fs.rename(dirB, new Path(root, "b/a/inside"))).isInstanceOf(QuarryException.class)
                .hasMessageContaining("own subtree");
        write(new Path(root, "g"), new byte[] {1});
        assertThatThrownBy(() -> fs.rename(new Path(root, "b/a/f"), new Path(root, "g"))).isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.FILE_ALREADY_EXISTS));
        fs.rename(new Path(root, "g"), new Path(root, "h"));
        assertThat(fs.exists(new Path(root, "h"))).isTrue();
    }

    @Test
    void deleteNeedsRecursiveForNonEmptyDirectories() throws IOException {
        write(new Path(root, "d/f"), new byte[] {1});
        assertThatThrownBy(() -> fs.delete(new Path(root, "d"), false)).isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.DIRECTORY_NOT_EMPTY));
        assertThat(fs.delete(new Path(root, "d"), true)).isTrue();
        assertThat(fs.delete(new Path(root, "d"), true)).isFalse();
    }

    @Test
    void listsInNameOrderAndAFileListsItself() throws IOException {
        write(new Path(root, "c"), new byte[0]);
        write(new Path(root, "a"), new byte[0]);
        fs.mkdirs(new Path(root, "b"));
        assertThat(fs.listStatus(root)).extracting(s -> s.path().name()).containsExactly("a", "b", "c");
        assertThat(fs.listStatus(new Path(root, "a"))).extracting(s -> s.path().name()).containsExactly("a");
    }

    @Test
    void permissionsFollowUmaskAndSetPermission() throws IOException {
        Path file = new Path(root, "p");
        write(file, new byte[0]);
        assertThat(fs.getFileStatus(file).permission()).isEqualTo((short) 0644);
        fs.setPermission(file, (short) 0600);
        assertThat(fs.getFileStatus(file).permission()).isEqualTo((short) 0600);
    }

    @Test
    void blockLocationsCoverEachBlockSizeRangeOnLocalhost() throws IOException {
        Path file = new Path(root, "blocks");
        write(file, new byte[2500]);
        List<BlockLocation> locations = fs.getFileBlockLocations(file, 0, 2500);
        assertThat(locations).extracting(BlockLocation::offset).containsExactly(0L, 1024L, 2048L);
        assertThat(locations).extracting(BlockLocation::length).containsExactly(1024L, 1024L, 452L);
        assertThat(locations.get(0).hosts()).containsExactly("localhost");
        assertThat(fs.getFileBlockLocations(file, 1500, 10)).extracting(BlockLocation::offset).containsExactly(1024L);
    }
}
