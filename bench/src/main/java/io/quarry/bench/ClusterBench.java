package io.quarry.bench;

import io.quarry.common.conf.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster benchmark: the latency of a tiny job on a running local cluster, then WordCount and
 * TeraSort on the single-node local cluster ({@code quarry local start}) and on a cluster of
 * separate JVMs (node i on 127.0.0.(i+2)), each beside the same job in-process
 * ({@code quarry jar --local} on local files), which is the baseline the overhead is measured
 * against. Every job step is a {@code quarry} process measured from outside.
 *
 * <pre>args: --quarry BIN --examples-jar JAR --words FILE --tiny FILE --work DIR [--rows 10000000] [--runs 1]
 *       [--latency-jobs 11] [--nodes 4] [--map-slots 1] [--daemon-heap 2g] [--only latency|local|multi]</pre>
 */
public final class ClusterBench {
    private static final String LOCAL_FS = "qfs://127.0.0.1:8020";
    private static final String LOCAL_SCHEDULER = "127.0.0.1:8030";

    private final Settings settings;
    private final JobSteps steps;
    private final List<String> report = new ArrayList<>();

    record Settings(Path quarry, Path examplesJar, Path words, Path tiny, Path work, long rows, int runs, int latencyJobs, int nodes,
                    int mapSlots, String daemonHeap, String only) {
        boolean runs(String part) {
            return only.equals("all") || only.equals(part);
        }
    }

    private ClusterBench(Settings settings) {
        this.settings = settings;
        this.steps = new JobSteps(settings.quarry(), settings.examplesJar(), settings.work().resolve("cluster-bench.log"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Settings settings = new Settings(Paths.get(required(options, "quarry")), Paths.get(required(options, "examples-jar")),
                Paths.get(required(options, "words")), Paths.get(required(options, "tiny")), Paths.get(required(options, "work")),
                Long.parseLong(options.getOrDefault("rows", "10000000").replace("_", "")),
                Integer.parseInt(options.getOrDefault("runs", "1")), Integer.parseInt(options.getOrDefault("latency-jobs", "11")),
                Integer.parseInt(options.getOrDefault("nodes", "4")), Integer.parseInt(options.getOrDefault("map-slots", "1")),
                options.getOrDefault("daemon-heap", "2g"), options.getOrDefault("only", "all"));
        Files.createDirectories(settings.work());
        ClusterBench bench = new ClusterBench(settings);
        try {
            if (settings.runs("latency") || settings.runs("local")) {
                bench.onLocalCluster();
            }
            if (settings.runs("multi")) {
                bench.onProcessCluster();
            }
        } finally {
            bench.print();
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private void onLocalCluster() throws Exception {
        Path dir = settings.work().resolve("local-cluster");
        JobSteps.deleteRecursively(dir);
        steps.quarry(List.of(), "local", "start", "--dir", dir.toString());
        try {
            Map<String, String> cluster = Map.of("fs.defaultFS", LOCAL_FS, "quarry.scheduler.address", LOCAL_SCHEDULER,
                    "mapreduce.framework.name", "cluster");
            if (settings.runs("latency")) {
                latency(cluster);
            }
            if (settings.runs("local")) {
                jobs("local cluster (1 node: NameNode, DataNode, Scheduler, Worker in one JVM)", cluster);
            }
        } finally {
            steps.quarry(List.of(), "local", "stop", "--dir", dir.toString());
        }
    }

    private void onProcessCluster() throws Exception {
        Path dir = settings.work().resolve("process-cluster");
        JobSteps.deleteRecursively(dir);
        try (ProcessCluster cluster = ProcessCluster.start(dir, settings.nodes(), settings.mapSlots(),
                List.of("-Xmx" + settings.daemonHeap()))) {
            jobs(settings.nodes() + " nodes in separate JVMs (" + settings.mapSlots() + " map + 1 reduce slot each, DataNode and"
                    + " Worker on 127.0.0.2-" + (settings.nodes() + 1) + ")", cluster.clientConf());
        }
    }

    private void latency(Map<String, String> cluster) throws Exception {
        byte[] text = Files.readAllBytes(settings.tiny());
        List<Double> onCluster = TinyJobLatency.measure(Configuration.of(cluster), "/bench/tiny", text, settings.latencyJobs());
        Path local = settings.work().resolve("tiny");
        List<Double> inProcess = TinyJobLatency.measure(Configuration.of(Map.of("mapreduce.framework.name", "local")),
                local.toUri().toString(), text, settings.latencyJobs());
        report.add("### Tiny job (WordCount over " + text.length + " bytes), submit to finish, one client JVM");
        report.add("");
        report.add("| where | first job s | jobs 2-" + settings.latencyJobs() + " median s | min-max s |");
        report.add("|---|---|---|---|");
        report.add(latencyRow("local cluster", onCluster));
        report.add(latencyRow("in-process runner", inProcess));
        report.add("| Hadoop 3.4.2 MiniMRYarnCluster (reference machine) | 18.7 | 20.6 | 20.6-22.8 |");
        report.add("| Hadoop 3.4.2 local mode, in one JVM, default polling (reference machine) | 2.63 | 1.32 | 1.21-1.43 |");
        report.add("");
    }

    private static String latencyRow(String where, List<Double> seconds) {
        List<Double> rest = new ArrayList<>(seconds.subList(1, seconds.size()));
        rest.sort(Double::compare);
        double median = rest.size() % 2 == 1 ? rest.get(rest.size() / 2) : (rest.get(rest.size() / 2 - 1) + rest.get(rest.size() / 2)) / 2;
        return String.format("| %s | %.3f | %.3f | %.3f-%.3f |", where, seconds.get(0), median, rest.get(0), rest.get(rest.size() - 1));
    }

    /**
     * WordCount and TeraSort on a cluster, each beside the same job run in-process twice: on the
     * cluster's QFS (the same storage, so the difference is scheduling and the network shuffle) and
     * on local files.
     */
    private void jobs(String title, Map<String, String> cluster) throws Exception {
        List<String> on = new ArrayList<>();
        cluster.forEach((key, value) -> on.add("-D" + key + "=" + value));
        List<String> inProcessOnQfs = new ArrayList<>(on);
        inProcessOnQfs.remove("-Dmapreduce.framework.name=cluster");
        inProcessOnQfs.add("-Dmapreduce.framework.name=local");
        Path local = settings.work().resolve("in-process");
        JobSteps.deleteRecursively(local);
        Files.createDirectories(local);
        String localWords = settings.words().toUri().toString();
        long wordsMiB = Files.size(settings.words()) >> 20;
        String rows = Long.toString(settings.rows());

        report.add("### " + title);
        report.add("");
        report.add("| step | cluster wall s | in-process on QFS s | in-process on local files s | cluster / in-process on QFS"
                + " | cluster / in-process on files |");
        report.add("|---|---|---|---|---|---|");
        steps.quarry(on, "dfs", "-rm", "-r", "-f", "/bench");
        steps.quarry(on, "dfs", "-mkdir", "-p", "/bench");
        Measurement put = steps.median(settings.runs(), () -> steps.quarry(on, "dfs", "-rm", "-f", "/bench/words.txt"),
                () -> steps.quarry(on, "dfs", "-put", settings.words().toString(), "/bench/words.txt"));
        report.add(String.format("| put %d MiB of words into QFS (not a job) | %.1f | - | - | - | - |", wordsMiB, put.wallSeconds()));
        row("wordcount " + wordsMiB + " MiB",
                onQfs(on, "wordcount", "/bench/wc-out", "/bench/words.txt"),
                onQfs(inProcessOnQfs, "wordcount", "/bench/wc-out-local", "/bench/words.txt"),
                onFiles(local.resolve("wc-out"), "wordcount", localWords));
        row("teragen " + rows + " rows",
                onQfs(on, "teragen", "/bench/tera-in", rows),
                onQfs(inProcessOnQfs, "teragen", "/bench/tera-in-local", rows),
                onFiles(local.resolve("tera-in"), "teragen", rows));
        row("terasort " + rows + " rows",
                onQfs(on, "terasort", "/bench/tera-out", "/bench/tera-in"),
                onQfs(inProcessOnQfs, "terasort", "/bench/tera-out-local", "/bench/tera-in"),
                onFiles(local.resolve("tera-out"), "terasort", local.resolve("tera-in").toUri().toString()));
        steps.quarry(on, "dfs", "-rm", "-r", "-f", "/bench");
        JobSteps.deleteRecursively(local);
        report.add("");
    }

    /** The example with its output at {@code output} in QFS (removed before each run), after {@code inputs}. */
    private Measurement onQfs(List<String> generic, String example, String output, String... inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of(inputs));
        args.add(output);
        return steps.median(settings.runs(), () -> steps.quarry(generic, "dfs", "-rm", "-r", "-f", output),
                () -> steps.example(generic, example, args.toArray(String[]::new)));
    }

    /** The example in-process on local files, with its output at {@code output}. */
    private Measurement onFiles(Path output, String example, String... inputs) throws Exception {
        List<String> args = new ArrayList<>(List.of(inputs));
        args.add(output.toUri().toString());
        return steps.median(settings.runs(), () -> JobSteps.deleteRecursively(output),
                () -> steps.example(List.of("-Dmapreduce.framework.name=local"), example, args.toArray(String[]::new)));
    }

    private void row(String step, Measurement cluster, Measurement inProcessOnQfs, Measurement inProcessOnFiles) {
        report.add(String.format("| %s | %.1f | %.1f | %.1f | %.2fx | %.2fx |", step, cluster.wallSeconds(),
                inProcessOnQfs.wallSeconds(), inProcessOnFiles.wallSeconds(), cluster.wallSeconds() / inProcessOnQfs.wallSeconds(),
                cluster.wallSeconds() / inProcessOnFiles.wallSeconds()));
    }

    private void print() {
        System.out.println();
        System.out.println("Whole `quarry` processes (JVM start included), median of " + settings.runs() + " run(s); step output in "
                + steps.log());
        System.out.println();
        report.forEach(System.out::println);
    }
}
