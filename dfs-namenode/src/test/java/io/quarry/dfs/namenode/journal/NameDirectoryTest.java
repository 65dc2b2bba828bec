package io.quarry.dfs.namenode.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.codec.KryoCodec;

@Timeout(20)
class NameDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryIsFormattedOnceAndKeepsItsClusterId() throws Exception {
        NameDirectory first = NameDirectory.openOrFormat(dir.resolve("name"), null);
        assertThat(first.clusterId()).startsWith("QFS-");
        assertThat(NameDirectory.openOrFormat(dir.resolve("name"), null).clusterId()).isEqualTo(first.clusterId());
        assertThatThrownBy(() -> NameDirectory.openOrFormat(dir.resolve("name"), "other"))
                .isInstanceOf(IOException.class).hasMessageContaining(first.clusterId()).hasMessageContaining("other");
    }

    @Test
    void aNonEmptyDirectoryWithoutVersionIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("name"));
        Files.writeString(dir.resolve("name/stray"), "x");
        assertThatThrownBy(() -> NameDirectory.openOrFormat(dir.resolve("name"), null))
                .isInstanceOf(IOException.class).hasMessageContaining("refusing to format");
    }

    @Test
    void aTruncatedCheckpointIsSkippedForAnOlderWholeOne() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, KryoCodec.shared(), "c1");
        Records.InodeImage root = new Records.InodeImage(1, 0, "", true, "u", "g", (short) 0755, 0, 0, (short) 0, 0, null, null,
                new long[0]);
        store.write(new Records.CheckpointHeader(NameDirectory.LAYOUT_VERSION, "c1", 5, 1, 1, 10, 10), List.of(root));
        store.write(new Records.CheckpointHeader(NameDirectory.LAYOUT_VERSION, "c1", 9, 1, 1, 10, 10), List.of(root));
        Path newest = dir.resolve(SegmentFiles.checkpointName(9));
        Files.write(newest, java.util.Arrays.copyOf(Files.readAllBytes(newest), (int) Files.size(newest) - 3));
        Files.writeString(dir.resolve(SegmentFiles.checkpointName(12) + ".tmp"), "half");
        CheckpointStore.Image image = store.loadNewest();
        assertThat(image.header().lastTxid()).isEqualTo(5);
        assertThat(image.inodes()).hasSize(1);
        assertThat(Files.exists(dir.resolve(SegmentFiles.checkpointName(12) + ".tmp"))).isFalse();
        assertThat(store.pruneKeeping(1)).isEqualTo(9);
    }
}
