package io.quarry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The MapReduce benchmark: WordCount over the shared word corpus and TeraGen, TeraSort and
 * TeraValidate of N rows, each step the examples' {@code ExampleDriver} in a JVM of its own run
 * in-process ({@code mapreduce.framework.name=local}) on {@code file:} paths, measured from
 * outside with GNU time, and printed beside Hadoop's local-mode figures.
 *
 * <pre>args: --words FILE --work DIR [--size-bytes N] [--rows 10000000] [--runs 1] [--only wordcount|tera]
 *       [--java-opts "..."] [-D key=value]...</pre>
 */
public final class MapReduceBench {
    private static final String DRIVER = "io.quarry.examples.ExampleDriver";

    private final Path work;
    private final Path log;
    private final List<String> javaOpts;
    private final List<String> jobOptions;
    private final int runs;
    private final List<Row> rows = new ArrayList<>();

    /** One line of the result table. */
    record Row(String label, Measurement measured, HadoopReference reference, Double hadoopTwoSlots) {
    }

    private MapReduceBench(Path work, List<String> javaOpts, List<String> jobOptions, int runs) {
        this.work = work;
        this.log = work.resolve("mr-bench.log");
        this.javaOpts = javaOpts;
        this.jobOptions = jobOptions;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        Path words = null;
        Path work = null;
        long sizeBytes = -1;
        long teraRows = 10_000_000L;
        int runs = 1;
        String only = "all";
        List<String> javaOpts = new ArrayList<>();
        List<String> jobOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--words" -> words = Paths.get(args[++i]);
                case "--work" -> work = Paths.get(args[++i]);
                case "--size-bytes" -> sizeBytes = Stats.parseSize(args[++i]);
                case "--rows" -> teraRows = Long.parseLong(args[++i].replace("_", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--java-opts" -> javaOpts.addAll(List.of(args[++i].trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList());
                case "-D" -> {
                    jobOptions.add("-D");
                    jobOptions.add(args[++i]);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (work == null) {
            throw new IllegalArgumentException("--work DIR is required");
        }
        Files.createDirectories(work);
        MapReduceBench bench = new MapReduceBench(work, javaOpts, jobOptions, runs);
        if (!only.equals("tera")) {
            if (words == null) {
                throw new IllegalArgumentException("--words FILE is required for WordCount");
            }
            bench.wordCount(words, sizeBytes >= 0 ? sizeBytes : Files.size(words));
        }
        if (!only.equals("wordcount")) {
            bench.tera(teraRows);
        }
        bench.printTable();
    }

    private void wordCount(Path words, long nominalBytes) throws Exception {
        List<Measurement> measured = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path out = work.resolve("wordcount-out");
            JobSteps.deleteRecursively(out);
            measured.add(step("wordcount", uri(words), uri(out)));
            JobSteps.deleteRecursively(out);
        }
        rows.add(new Row("wordcount " + Files.size(words) / (1 << 20) + " MiB", Measurement.median(measured),
                HadoopReference.wordCount(nominalBytes), HadoopReference.wordCountTwoSlots(nominalBytes)));
    }

    private void tera(long teraRows) throws Exception {
        List<Measurement> gen = new ArrayList<>();
        List<Measurement> sort = new ArrayList<>();
        List<Measurement> validate = new ArrayList<>();
        Path in = work.resolve("tera-in");
        Path sorted = work.resolve("tera-sorted");
        Path report = work.resolve("tera-report");
        for (int run = 0; run < runs; run++) {
            JobSteps.deleteRecursively(in);
            JobSteps.deleteRecursively(sorted);
            JobSteps.deleteRecursively(report);
            gen.add(step("teragen", Long.toString(teraRows), uri(in)));
            sort.add(step("terasort", uri(in), uri(sorted)));
            validate.add(step("teravalidate", uri(sorted), uri(report)));
        }
        JobSteps.deleteRecursively(in);
        JobSteps.deleteRecursively(sorted);
        JobSteps.deleteRecursively(report);
        for (var entry : List.of(java.util.Map.entry("teragen", gen), java.util.Map.entry("terasort", sort),
                java.util.Map.entry("teravalidate", validate))) {
            rows.add(new Row(entry.getKey() + " " + teraRows + " rows", Measurement.median(entry.getValue()),
                    HadoopReference.tera(entry.getKey(), teraRows), null));
        }
    }

    /** Runs one example in its own JVM; a failed step stops the benchmark. */
    private Measurement step(String example, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DRIVER);
        command.add(example);
        command.add("-D");
        command.add("mapreduce.framework.name=local");
        command.addAll(jobOptions);
        command.addAll(List.of(args));
        Measurement measured = Measurement.run(command, log);
        System.out.printf("%-13s wall %6.1f s  cpu %6.1f s  peak %6.0f MiB  exit %d%n", example, measured.wallSeconds(),
                measured.cpuSeconds(), measured.peakRssMiB(), measured.exitCode());
        if (measured.exitCode() != 0) {
            throw new IllegalStateException(example + " failed with exit code " + measured.exitCode() + "; see " + log);
        }
        return measured;
    }

    private void printTable() {
        System.out.println();
        System.out.printf("Quarry in-process runs (median of %d), whole process; Hadoop 3.4.2 local mode on the reference machine%n", runs);
        System.out.println("| step | wall s | CPU s | peak RSS MiB | Hadoop wall s | Hadoop / Quarry | limit s | Quarry / limit |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            Measurement m = row.measured();
            HadoopReference ref = row.reference();
            String hadoop = ref.hadoopSeconds() == null ? "-" : String.format("%.1f", ref.hadoopSeconds())
                    + (ref.hadoopNote().isEmpty() ? "" : " (" + ref.hadoopNote() + ")");
            String speedup = ref.hadoopSeconds() == null ? "-" : String.format("%.1fx", ref.hadoopSeconds() / m.wallSeconds())
                    + (row.hadoopTwoSlots() == null ? "" : String.format(" (%.1fx vs 2 slots)", row.hadoopTwoSlots() / m.wallSeconds()));
            String limit = ref.limitSeconds() == null ? "-" : String.format("%.1f (%s)", ref.limitSeconds(), ref.limitNote());
            String toLimit = ref.limitSeconds() == null ? "-" : String.format("%.2fx", m.wallSeconds() / ref.limitSeconds());
            System.out.printf("| %s | %.1f | %.1f | %.0f | %s | %s | %s | %s |%n", row.label(), m.wallSeconds(), m.cpuSeconds(),
                    m.peakRssMiB(), hadoop, speedup, limit, toLimit);
        }
        System.out.println("Step output and job counters: " + log);
    }

    private static String uri(Path path) {
        return path.toAbsolutePath().toUri().toString();
    }
}
