package io.quarry.examples;

import static io.quarry.examples.ExampleTesting.localConf;
import static io.quarry.examples.ExampleTesting.partFiles;
import static io.quarry.examples.ExampleTesting.uri;
import static io.quarry.examples.ExampleTesting.writeLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SecondarySortTest {
    @TempDir
    Path dir;

    @Test
    void listsEachYearOnceWithItsTemperaturesAscendingAndYearsInOrderPerPartFile() throws Exception {
        Random random = new Random(Seeds.seed("SecondarySortTest"));
        Map<Integer, List<Integer>> expected = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int year = 1900 + random.nextInt(120) - (random.nextInt(50) == 0 ? 3000 : 0);
            int temperature = random.nextInt(200) - 100 + (random.nextInt(100) == 0 ? Integer.MIN_VALUE / 2 : 0);
            expected.computeIfAbsent(year, y -> new ArrayList<>()).add(temperature);
            lines.add(random.nextBoolean() ? year + " " + temperature : year + "\t" + temperature);
        }
        lines.add("");
        writeLines(dir.resolve("in/temperatures.txt"), lines);
        expected.values().forEach(list -> list.sort(null));

        int exit = new SecondarySort().run(localConf(dir).with(MapReduceConfigKeys.NUM_REDUCES, "3"),
                new String[] {uri(dir.resolve("in")), uri(dir.resolve("out"))});

        assertThat(exit).isZero();
        Map<Integer, List<Integer>> actual = new TreeMap<>();
        for (Path part : partFiles(dir.resolve("out"))) {
            int previousYear = Integer.MIN_VALUE;
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                String[] yearAndList = line.split("\t");
                int year = Integer.parseInt(yearAndList[0]);
                assertThat(year).as("years in order in %s", part.getFileName()).isGreaterThan(previousYear);
                previousYear = year;
                List<Integer> temperatures = Arrays.stream(yearAndList[1].split(",")).map(Integer::valueOf)
                        .collect(Collectors.toList());
                assertThat(actual.put(year, temperatures)).as("year %d in one group", year).isNull();
            }
        }
        assertThat(actual).isEqualTo(expected);
    }
}
