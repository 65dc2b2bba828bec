package io.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ExampleDriverTest {
    private static final List<String> NAMES = List.of("wordcount", "grep", "teragen", "terasort", "teravalidate", "join",
            "broadcastjoin", "secondarysort", "logstatus");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStandardOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(originalOut);
    }

    @Test
    void helpListsEveryExample() throws Exception {
        assertThat(new ExampleDriver().run(Configuration.empty(), new String[] {"--help"})).isZero();

        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(ExampleDriver.EXAMPLES).extracting(ExampleDriver.Example::name).containsExactlyElementsOf(NAMES);
        for (String name : NAMES) {
            assertThat(listing).contains("  " + name + " ");
        }
    }

    @Test
    void noArgumentsOrAnUnknownNameIsAUsageError() throws Exception {
        assertThat(new ExampleDriver().run(Configuration.empty(), new String[0])).isEqualTo(2);
        assertThat(new ExampleDriver().run(Configuration.empty(), new String[] {"wordcont", "in", "out"})).isEqualTo(2);
    }

    @Test
    void runsTheNamedExampleWithTheOptionsBeforeAndAfterTheName(@TempDir Path dir) throws Exception {
        ExampleTesting.writeLines(dir.resolve("in/words.txt"), List.of("a b c", "b c", "c"));
        Configuration conf = ExampleTesting.localConf(dir).with(MapReduceConfigKeys.NUM_REDUCES, "1");

        int exit = new ExampleDriver().run(conf, new String[] {"wordcount", "-D", "mapreduce.job.reduces=2",
                ExampleTesting.uri(dir.resolve("in")), ExampleTesting.uri(dir.resolve("out"))});

        assertThat(exit).isZero();
        assertThat(ExampleTesting.partFiles(dir.resolve("out"))).hasSize(2);
        assertThat(ExampleTesting.outputLines(dir.resolve("out"))).containsExactlyInAnyOrder("a\t1", "b\t2", "c\t3");
    }

    @Test
    void everyExamplePrintsItsUsageOnHelp() throws Exception {
        for (String name : NAMES) {
            out.reset();
            assertThat(new ExampleDriver().run(Configuration.empty(), new String[] {name, "--help"})).as(name).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(name).startsWith("Usage: " + name + " ").contains("-D key=value");
        }
    }
}
