package io.quarry.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.local.LocalFileSystem;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GlobberTest {
    @TempDir
    java.nio.file.Path dir;

    private LocalFileSystem fs;
    private Path root;

    @BeforeEach
    void createTree() throws IOException {
        fs = new LocalFileSystem(Configuration.empty());
        root = new Path("file://" + dir.toAbsolutePath());
        for (String name : List.of("logs/2024-01/a.log", "logs/2024-01/b.txt", "logs/2024-02/c.log", "logs/2025-01/d.log",
                "data/part-0", "data/part-1", "data/part-12", "data/x{y")) {
            try (OutputStream out = fs.create(new Path(root, name), false)) {
                out.write(1);
            }
        }
    }

    private List<String> glob(String pattern) throws IOException {
        return fs.globStatus(new Path(root, pattern)).stream()
                .map(status -> status.path().path().substring(root.path().length() + 1))
                .toList();
    }

    @Test
    void starMatchesWithinOneComponent() throws IOException {
        assertThat(glob("logs/*/*.log")).containsExactly("logs/2024-01/a.log", "logs/2024-02/c.log", "logs/2025-01/d.log");
        assertThat(glob("logs/*")).containsExactly("logs/2024-01", "logs/2024-02", "logs/2025-01");
    }

    @Test
    void questionMarkMatchesOneCharacter() throws IOException {
        assertThat(glob("data/part-?")).containsExactly("data/part-0", "data/part-1");
    }

    @Test
    void characterClassesAndRangesMatchOneCharacter() throws IOException {
        assertThat(glob("logs/2024-0[12]/[a-b].*")).containsExactly("logs/2024-01/a.log", "logs/2024-01/b.txt");
        assertThat(glob("data/part-[!0]")).containsExactly("data/part-1");
    }

    @Test
    void bracesMatchAlternatives() throws IOException {
        assertThat(glob("logs/{2024-02,2025-01}/*")).containsExactly("logs/2024-02/c.log", "logs/2025-01/d.log");
        assertThat(glob("data/part-{0,12}")).containsExactly("data/part-0", "data/part-12");
    }

    @Test
    void patternWithoutGlobCharactersReturnsThePathIfItExists() throws IOException {
        assertThat(glob("data/part-1")).containsExactly("data/part-1");
        assertThat(glob("data/missing")).isEmpty();
    }

    @Test
    void noMatchIsAnEmptyList() throws IOException {
        assertThat(glob("nothing/*")).isEmpty();
        assertThat(glob("logs/*/*.csv")).isEmpty();
    }

    @Test
    void escapedCharactersMatchLiterally() throws IOException {
        assertThat(glob("data/x\\{y")).containsExactly("data/x{y");
    }
}
