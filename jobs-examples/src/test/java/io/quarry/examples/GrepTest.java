package io.quarry.examples;

import static io.quarry.examples.ExampleTesting.localConf;
import static io.quarry.examples.ExampleTesting.outputLines;
import static io.quarry.examples.ExampleTesting.partFiles;
import static io.quarry.examples.ExampleTesting.uri;
import static io.quarry.examples.ExampleTesting.writeLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class GrepTest {
    @TempDir
    Path dir;

    private List<String> writeInput(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder line = new StringBuilder();
            int words = random.nextInt(10);
            for (int w = 0; w < words; w++) {
                line.append(w == 0 ? "" : " ").append(random.nextBoolean() ? "dfs" : "job").append('.')
                        .append((char) ('a' + random.nextInt(1 + random.nextInt(26)))).append(random.nextInt(40));
            }
            lines.add(line.toString());
        }
        writeLines(dir.resolve("in/lines.txt"), lines);
        return lines;
    }

    private static Map<String, Long> expectedCounts(List<String> lines, String regex, int group) {
        Map<String, Long> counts = new HashMap<>();
        Matcher matcher = Pattern.compile(regex).matcher("");
        for (String line : lines) {
            matcher.reset(line);
            while (matcher.find()) {
                counts.merge(matcher.group(group), 1L, Long::sum);
            }
        }
        return counts;
    }

    private void assertSortedCounts(Path output, Map<String, Long> expected) throws Exception {
        assertThat(partFiles(output)).hasSize(1);
        List<String> lines = outputLines(output);
        Map<String, Long> actual = new HashMap<>();
        long previous = Long.MAX_VALUE;
        for (String line : lines) {
            int tab = line.indexOf('\t');
            long count = Long.parseLong(line.substring(0, tab));
            assertThat(count).as("count of line '%s' after %s", line, previous).isLessThanOrEqualTo(previous);
            previous = count;
            assertThat(actual.put(line.substring(tab + 1), count)).isNull();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void countsMatchesOfAGroupSortedByCountDescending() throws Exception {
        List<String> lines = writeInput(Seeds.seed("GrepTest.group"));
        String regex = "dfs\\.([a-e])\\d+";

        int exit = new Grep().run(localConf(dir), new String[] {uri(dir.resolve("in")), uri(dir.resolve("out")), regex, "1"});

        assertThat(exit).isZero();
        assertSortedCounts(dir.resolve("out"), expectedCounts(lines, regex, 1));
    }

    @Test
    void countsWholeMatchesAndLeavesNoTemporaryDirectory() throws Exception {
        List<String> lines = writeInput(Seeds.seed("GrepTest.whole"));
        String regex = "job\\.[a-z]1\\d";

        int exit = new Grep().run(localConf(dir), new String[] {uri(dir.resolve("in")), uri(dir.resolve("out")), regex});

        assertThat(exit).isZero();
        assertSortedCounts(dir.resolve("out"), expectedCounts(lines, regex, 0));
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("grep-counts"));
        }
    }
}
