package io.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        assertThat(ExampleDriver.run(new String[] {"--help"})).isZero();

        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(ExampleDriver.EXAMPLES).extracting(ExampleDriver.Example::name).containsExactlyElementsOf(NAMES);
        for (String name : NAMES) {
            assertThat(listing).contains("  " + name + " ");
        }
    }

    @Test
    void noArgumentsOrAnUnknownNameIsAUsageError() throws Exception {
        assertThat(ExampleDriver.run(new String[0])).isEqualTo(2);
        assertThat(ExampleDriver.run(new String[] {"wordcont", "in", "out"})).isEqualTo(2);
    }

    @Test
    void everyExamplePrintsItsUsageOnHelp() throws Exception {
        for (String name : NAMES) {
            out.reset();
            assertThat(ExampleDriver.run(new String[] {name, "--help"})).as(name).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(name).startsWith("Usage: " + name + " ").contains("-D key=value");
        }
    }
}
