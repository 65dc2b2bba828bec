package io.quarry.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PathTest {
    @Test
    void normalizesDuplicateSlashesDotsAndTrailingSlash() {
        assertThat(new Path("/a//b/./c/").path()).isEqualTo("/a/b/c");
        assertThat(new Path("/").isRoot()).isTrue();
        assertThat(new Path("a/b/").path()).isEqualTo("a/b");
        assertThat(new Path("a/b").isAbsolute()).isFalse();
    }

    @Test
    void parsesSchemeAndAuthority() {
        Path path = new Path("qfs://nn:8020/user/alice/logs");
        assertThat(path.scheme()).isEqualTo("qfs");
        assertThat(path.authority()).isEqualTo("nn:8020");
        assertThat(path.path()).isEqualTo("/user/alice/logs");
        assertThat(path.toString()).isEqualTo("qfs://nn:8020/user/alice/logs");
        assertThat(new Path("file:///tmp/x").toString()).isEqualTo("file:///tmp/x");
        assertThat(new Path("qfs://nn:8020").path()).isEqualTo("/");
    }

    @Test
    void qualifiesRelativePathsAgainstTheWorkingDirectory() {
        Path working = new Path("qfs://nn:8020/user/alice");
        Path qualified = new Path("logs/today").makeQualified(URI.create("qfs://nn:8020"), working);
        assertThat(qualified).isEqualTo(new Path("qfs://nn:8020/user/alice/logs/today"));
        Path absolute = new Path("/data").makeQualified(URI.create("qfs://nn:8020"), working);
        assertThat(absolute.toString()).isEqualTo("qfs://nn:8020/data");
    }

    @Test
    void parentNameAndComponentsFollowTheSlashes() {
        Path path = new Path("qfs://nn:8020/a/b/c");
        assertThat(path.name()).isEqualTo("c");
        assertThat(path.parent()).isEqualTo(new Path("qfs://nn:8020/a/b"));
        assertThat(path.parent().parent().parent().isRoot()).isTrue();
        assertThat(path.parent().parent().parent().parent()).isNull();
        assertThat(path.components()).containsExactly("a", "b", "c");
        assertThat(path.depth()).isEqualTo(3);
        assertThat(new Path("/").name()).isEmpty();
        assertThat(new Path(path, "d").path()).isEqualTo("/a/b/c/d");
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> new Path("")).isInstanceOf(IllegalArgumentException.class);
    }
}
