package io.quarry.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LocalFilesTest {
    @TempDir
    Path dir;

    @Test
    void deletesATreeDeepestFirstAndToleratesAMissingRoot() throws Exception {
        Path root = dir.resolve("job");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/file"), "x");
        Files.writeString(root.resolve("top"), "y");

        LocalFiles.deleteQuietly(root);

        assertThat(root).doesNotExist();
        assertThat(dir).exists();
        LocalFiles.deleteQuietly(root);
    }
}
