package io.quarry.cli.conf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.KnownKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** conf/quarry-site.properties names every known key and nothing else. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfTemplateTest {
    /** A key line: {@code #key=value} (commented out) or {@code key=value}; descriptions start with "# ". */
    private static final Pattern KEY_LINE = Pattern.compile("^#?([A-Za-z][A-Za-z0-9._-]*)=.*$", Pattern.MULTILINE);

    private static Set<String> keysIn(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = KEY_LINE.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (ConfigKey key : KnownKeys.load().all()) {
            keys.add(key.name());
        }
        return keys;
    }

    @Test
    void siteFileListsExactlyTheKnownKeys() throws Exception {
        Path repo = Paths.get(System.getProperty("quarry.repo.dir", ".."));
        Path site = repo.resolve("conf").resolve("quarry-site.properties");
        assertThat(site).as("conf/quarry-site.properties at the repository root").isRegularFile();
        Set<String> listed = keysIn(Files.readString(site, StandardCharsets.UTF_8));
        Set<String> known = knownKeys();
        Set<String> missing = new TreeSet<>(known);
        missing.removeAll(listed);
        Set<String> unknown = new TreeSet<>(listed);
        unknown.removeAll(known);
        assertThat(missing).as("known keys missing from conf/quarry-site.properties (regenerate it with "
                + "'bin/quarry conf-template > conf/quarry-site.properties')").isEmpty();
        assertThat(unknown).as("keys in conf/quarry-site.properties that no module declares").isEmpty();
    }

    @Test
    void templateCommentsOutEveryKeyWithDefaultAndDescription() {
        String text = ConfTemplate.render(KnownKeys.load().all());
        assertThat(keysIn(text)).isEqualTo(knownKeys());
        assertThat(text).contains("\n# Replicas of each block of a new file. [int]\n#dfs.replication=3\n");
        assertThat(text).contains("#dfs.namenode.rpc-address=\n");
        assertThat(text).containsSubsequence("# ---- dfs ----", "# ---- fs ----", "# ---- quarry.rpc ----");
        assertThat(text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#"))).isEmpty();
    }

    @Test
    void groupsByFirstComponentAndByTwoForQuarryKeys() {
        assertThat(ConfTemplate.group("dfs.replication")).isEqualTo("dfs");
        assertThat(ConfTemplate.group("quarry.rpc.timeout")).isEqualTo("quarry.rpc");
        assertThat(ConfTemplate.group("quarry.tmp.dir")).isEqualTo("quarry.tmp");
    }
}
