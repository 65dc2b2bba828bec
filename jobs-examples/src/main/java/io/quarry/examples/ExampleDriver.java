package io.quarry.examples;

import io.quarry.common.conf.Configuration;
import io.quarry.examples.join.BroadcastJoin;
import io.quarry.examples.join.ReduceSideJoin;
import io.quarry.examples.logs.LogStatusPerHour;
import io.quarry.examples.tera.TeraGen;
import io.quarry.examples.tera.TeraSort;
import io.quarry.examples.tera.TeraValidate;
import io.quarry.mapreduce.Tool;
import io.quarry.mapreduce.ToolRunner;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The examples jar's main class: {@code quarry jar quarry-jobs-examples.jar NAME [generic options] args...}
 * runs the example called NAME; no arguments or {@code --help} list them. A {@link Tool} itself, so
 * {@code quarry jar} runs it in its own process without exiting it; generic options may come before
 * the name as well as after it.
 */
public final class ExampleDriver implements Tool {

    /** One runnable example. */
    public record Example(String name, String description, Supplier<Tool> tool) {
    }

    public static final List<Example> EXAMPLES = List.of(
            new Example("wordcount", "Counts the words of text files.", WordCount::new),
            new Example("grep", "Counts regex matches in text files, sorted by count.", Grep::new),
            new Example("teragen", "Generates 100-byte TeraSort rows.", TeraGen::new),
            new Example("terasort", "Sorts TeraGen rows with a sampled total-order partitioner.", TeraSort::new),
            new Example("teravalidate", "Checks TeraSort output is globally sorted; prints the rows' checksum.", TeraValidate::new),
            new Example("join", "Reduce-side join of access logs with the ip-prefix country table.", ReduceSideJoin::new),
            new Example("broadcastjoin", "Map-side (broadcast) join of access logs with the ip-prefix country table.", BroadcastJoin::new),
            new Example("secondarysort", "Lists each year's temperatures in order (secondary sort).", SecondarySort::new),
            new Example("logstatus", "Counts HTTP status codes per hour in Apache access logs.", LogStatusPerHour::new));

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new ExampleDriver(), args));
    }

    /**
     * Runs the example named by the first argument with {@code conf} plus the generic options that
     * follow the name; returns the exit code.
     */
    @Override
    public int run(Configuration conf, String[] args) throws Exception {
        if (args.length == 0 || Usage.helpRequested(new String[] {args[0]})) {
            list(args.length == 0 ? System.err : System.out);
            return args.length == 0 ? 2 : 0;
        }
        Optional<Example> example = find(args[0]);
        if (example.isEmpty()) {
            System.err.println("Unknown example: " + args[0]);
            list(System.err);
            return 2;
        }
        ToolRunner.setBaseConfiguration(conf);
        try {
            return ToolRunner.run(example.get().tool().get(), Arrays.copyOfRange(args, 1, args.length));
        } finally {
            ToolRunner.setBaseConfiguration(null);
        }
    }

    public static Optional<Example> find(String name) {
        return EXAMPLES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static void list(PrintStream out) {
        out.println("Usage: quarry jar quarry-jobs-examples.jar <example> [generic options] <args>...");
        out.println("Valid example names are:");
        for (Example example : EXAMPLES) {
            out.printf("  %-14s %s%n", example.name(), example.description());
        }
    }
}
