package io.quarry.examples;

import static io.quarry.examples.ExampleTesting.localConf;
import static io.quarry.examples.ExampleTesting.outputLines;
import static io.quarry.examples.ExampleTesting.uri;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.StringTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WordCountTest {
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\t", " \t ", "\f", "\r"};

    @TempDir
    Path dir;

    @Test
    void countsEveryWordOfSeveralFilesAsAnInMemoryCountDoes() throws Exception {
        Random random = new Random(Seeds.seed("WordCountTest"));
        StringBuilder text = new StringBuilder();
        for (int file = 0; file < 2; file++) {
            text.setLength(0);
            for (int line = 0; line < 2_000; line++) {
                int words = random.nextInt(12);
                if (random.nextInt(5) == 0) {
                    text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                }
                for (int w = 0; w < words; w++) {
                    text.append(w == 0 ? "" : SEPARATORS[random.nextInt(SEPARATORS.length)]);
                    // Zipf-ish ranks; some non-ASCII words, some with a vertical tab (not a separator)
                    int rank = (int) Math.floor(Math.pow(300, random.nextDouble()));
                    text.append(rank % 17 == 0 ? "mot" + rank + "é" : rank % 23 == 0 ? "v\u000Bt" + rank : "w" + rank);
                }
                text.append('\n');
            }
            Files.createDirectories(dir.resolve("in"));
            Files.writeString(dir.resolve("in/text-" + file + ".txt"), text, StandardCharsets.UTF_8);
        }
        Map<String, Long> expected = new HashMap<>();
        for (int file = 0; file < 2; file++) {
            for (String line : Files.readAllLines(dir.resolve("in/text-" + file + ".txt"), StandardCharsets.UTF_8)) {
                StringTokenizer tokens = new StringTokenizer(line);
                while (tokens.hasMoreTokens()) {
                    expected.merge(tokens.nextToken(), 1L, Long::sum);
                }
            }
        }
        Configuration conf = localConf(dir).with(MapReduceConfigKeys.NUM_REDUCES, "3");

        int exit = new WordCount().run(conf, new String[] {uri(dir.resolve("in")), uri(dir.resolve("out"))});

        assertThat(exit).isZero();
        Map<String, Long> actual = new HashMap<>();
        for (String line : outputLines(dir.resolve("out"))) {
            String[] wordAndCount = line.split("\t");
            assertThat(actual.put(wordAndCount[0], Long.parseLong(wordAndCount[1]))).as("word %s twice", wordAndCount[0]).isNull();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(dir.resolve("out/_SUCCESS")).exists();
    }

    @Test
    void helpPrintsUsageAndSucceeds() throws Exception {
        assertThat(new WordCount().run(Configuration.empty(), new String[] {"--help"})).isZero();
        assertThat(new WordCount().run(Configuration.empty(), new String[] {"only-one-arg"})).isEqualTo(2);
    }
}
