package io.quarry.examples;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the example tests share: a small local-run configuration and reading part files. */
public final class ExampleTesting {
    private ExampleTesting() {
    }

    /**
     * In-process runs with small splits (so inputs of a few KiB make several map tasks), a 1 MiB
     * sort buffer and spill directories under {@code dir}.
     */
    public static Configuration localConf(Path dir) {
        return Configuration.of(Map.of(
                MapReduceConfigKeys.FRAMEWORK_NAME.name(), "local",
                MapReduceConfigKeys.LOCAL_DIRS.name(), dir.resolve("local").toString(),
                MapReduceConfigKeys.LOCAL_BLOCK_SIZE.name(), "8k",
                MapReduceConfigKeys.SORT_MB.name(), "1"));
    }

    /** The job-API path (file: URI) of a local path. */
    public static String uri(Path path) {
        return path.toUri().toString();
    }

    /** The part files of a job's output directory, in name order. */
    public static List<Path> partFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** Every line of every part file, part files in name order. */
    public static List<String> outputLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : partFiles(output)) {
            lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
        }
        return lines;
    }

    public static void writeLines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
