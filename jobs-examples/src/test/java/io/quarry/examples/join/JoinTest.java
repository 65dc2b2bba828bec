package io.quarry.examples.join;

import static io.quarry.examples.ExampleTesting.localConf;
import static io.quarry.examples.ExampleTesting.outputLines;
import static io.quarry.examples.ExampleTesting.partFiles;
import static io.quarry.examples.ExampleTesting.uri;
import static io.quarry.examples.ExampleTesting.writeLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.examples.logs.GeneratedLogs;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JoinTest {
    private static final String[][] COUNTRIES = {{"US", "United States"}, {"DE", "Germany"}, {"FR", "France"}, {"JP", "Japan"}};

    @TempDir
    Path dir;
    private List<String> expected;

    /** Logs whose clients come from 40 prefixes, 30 of them in the table; the expected rows by nested loops. */
    @BeforeEach
    void writeInputs() throws Exception {
        Random random = new Random(Seeds.seed("JoinTest"));
        List<String> prefixes = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String prefix = (1 + i % 7) + "." + (i * 7 + random.nextInt(5));
            prefixes.add(prefix);
            if (i < 30) {
                String[] country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                table.add(prefix + "\t" + country[0] + "\t" + country[1] + "\tsomewhere");
            }
        }
        List<GeneratedLogs.Line> logs = GeneratedLogs.generate(random, 4_000, prefixes);
        writeLines(dir.resolve("ip_country/ip_country.tsv"), table);
        writeLines(dir.resolve("logs/access-00000.log"), logs.subList(0, 2_000).stream().map(GeneratedLogs.Line::text).toList());
        writeLines(dir.resolve("logs/access-00001.log"), logs.subList(2_000, logs.size()).stream().map(GeneratedLogs.Line::text).toList());

        expected = new ArrayList<>();
        for (GeneratedLogs.Line log : logs) {
            for (String row : table) {
                String[] fields = row.split("\t");
                if (log.wellFormed() && log.ip().startsWith(fields[0] + ".")) {
                    expected.add(fields[1] + "\t" + fields[2] + "\t" + log.text());
                }
            }
        }
        expected.sort(null);
    }

    @Test
    void reduceSideJoinWritesTheRowsOfANestedLoopJoin() throws Exception {
        int exit = new ReduceSideJoin().run(localConf(dir).with(MapReduceConfigKeys.NUM_REDUCES, "3"),
                new String[] {uri(dir.resolve("logs")), uri(dir.resolve("ip_country")), uri(dir.resolve("out"))});

        assertThat(exit).isZero();
        List<String> actual = new ArrayList<>(outputLines(dir.resolve("out")));
        actual.sort(null);
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }

    @Test
    void broadcastJoinWritesTheRowsOfANestedLoopJoinWithoutReducers() throws Exception {
        int exit = new BroadcastJoin().run(localConf(dir),
                new String[] {uri(dir.resolve("logs")), uri(dir.resolve("ip_country/ip_country.tsv")), uri(dir.resolve("out"))});

        assertThat(exit).isZero();
        assertThat(partFiles(dir.resolve("out"))).allMatch(p -> p.getFileName().toString().startsWith("part-m-"));
        List<String> actual = new ArrayList<>(outputLines(dir.resolve("out")));
        actual.sort(null);
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    }
}
