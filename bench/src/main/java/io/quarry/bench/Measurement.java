package io.quarry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One process run measured from outside by GNU time, as the Hadoop harness measures: wall
 * seconds, CPU seconds (user + sys) and peak RSS of the process, JVM start-up included.
 */
record Measurement(double wallSeconds, double cpuSeconds, double peakRssMiB, int exitCode) {

    /** Runs {@code command} under {@code /usr/bin/time}, its output appended to {@code log}. */
    static Measurement run(List<String> command, Path log) throws IOException, InterruptedException {
        Path timing = Files.createTempFile("quarry-bench-time", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", timing.toString(), "-f", "%e %U %S %M"));
            timed.addAll(command);
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(timed).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            int exit = process.waitFor();
            List<String> lines = Files.readAllLines(timing, StandardCharsets.UTF_8);
            String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
            if (fields.length != 4) {
                throw new IOException("unexpected GNU time output in " + timing + ": " + lines);
            }
            return new Measurement(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]),
                    Long.parseLong(fields[3]) / 1024.0, exit);
        } finally {
            Files.deleteIfExists(timing);
        }
    }

    /** The run with the median wall time. */
    static Measurement median(List<Measurement> runs) {
        List<Measurement> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Measurement::wallSeconds));
        return sorted.get((sorted.size() - 1) / 2);
    }
}
