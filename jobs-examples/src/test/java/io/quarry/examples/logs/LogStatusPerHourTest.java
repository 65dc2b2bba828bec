package io.quarry.examples.logs;

import static io.quarry.examples.ExampleTesting.localConf;
import static io.quarry.examples.ExampleTesting.outputLines;
import static io.quarry.examples.ExampleTesting.uri;
import static io.quarry.examples.ExampleTesting.writeLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LogStatusPerHourTest {
    @TempDir
    Path dir;

    @Test
    void countsStatusesPerHourAndCountsUnparsableLines() throws Exception {
        Random random = new Random(Seeds.seed("LogStatusPerHourTest"));
        List<GeneratedLogs.Line> lines = GeneratedLogs.generate(random, 6_000, List.of("10.1", "10.2", "172.16", "81.2"));
        writeLines(dir.resolve("logs/access-00000.log"), lines.subList(0, 2_500).stream().map(GeneratedLogs.Line::text).toList());
        writeLines(dir.resolve("logs/access-00001.log"), lines.subList(2_500, lines.size()).stream().map(GeneratedLogs.Line::text).toList());
        Map<String, Long> expected = new HashMap<>();
        long malformed = 0;
        for (GeneratedLogs.Line line : lines) {
            if (line.wellFormed()) {
                expected.merge(line.hour() + " " + line.status(), 1L, Long::sum);
            } else {
                malformed++;
            }
        }
        LogStatusPerHour tool = new LogStatusPerHour();

        Job job = tool.createJob(localConf(dir).with(MapReduceConfigKeys.NUM_REDUCES, "2"),
                List.of(uri(dir.resolve("logs"))), uri(dir.resolve("out")));
        assertThat(job.waitForCompletion(false)).isTrue();

        Map<String, Long> actual = new HashMap<>();
        for (String line : outputLines(dir.resolve("out"))) {
            String[] keyAndCount = line.split("\t");
            assertThat(actual.put(keyAndCount[0], Long.parseLong(keyAndCount[1]))).isNull();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(job.counters().value(LogStatusPerHour.LogCounter.UNPARSABLE_LINES)).isEqualTo(malformed);
        assertThat(job.counters().value(LogStatusPerHour.LogCounter.PARSED_LINES)).isEqualTo(lines.size() - malformed);
    }
}
