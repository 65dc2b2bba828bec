package io.quarry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code quarry} commands and example jobs as processes, measured from outside; a failed step stops the benchmark. */
final class JobSteps {
    private final Path quarry;
    private final Path examplesJar;
    private final Path log;

    /** Something done before each measured run, such as removing the previous output. */
    @FunctionalInterface
    interface Preparation {
        void run() throws Exception;
    }

    /** A measured run. */
    @FunctionalInterface
    interface Step {
        Measurement run() throws Exception;
    }

    JobSteps(Path quarry, Path examplesJar, Path log) {
        this.quarry = quarry;
        this.examplesJar = examplesJar;
        this.log = log;
    }

    Path log() {
        return log;
    }

    /** {@code quarry [generic options] args...}. */
    Measurement quarry(List<String> generic, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(quarry.toString());
        command.addAll(generic);
        command.addAll(List.of(args));
        Measurement measured = Measurement.run(command, log);
        if (measured.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + measured.exitCode()
                    + "; see " + log);
        }
        return measured;
    }

    /** {@code quarry [generic options] jar EXAMPLES example args...}, its time printed as it ends. */
    Measurement example(List<String> generic, String example, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jar", examplesJar.toString(), example));
        command.addAll(List.of(args));
        Measurement measured = quarry(generic, command.toArray(String[]::new));
        System.out.printf("%-12s %-40s wall %6.1f s  cpu %6.1f s  peak %6.0f MiB%n", example,
                !generic.contains("-Dmapreduce.framework.name=local") ? "cluster"
                        : generic.stream().anyMatch(o -> o.startsWith("-Dfs.defaultFS=")) ? "in-process on QFS" : "in-process on files", measured.wallSeconds(),
                measured.cpuSeconds(), measured.peakRssMiB());
        return measured;
    }

    /** The median of {@code runs} runs of {@code step}, each after {@code before}. */
    Measurement median(int runs, Preparation before, Step step) throws Exception {
        List<Measurement> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            before.run();
            measured.add(step.run());
        }
        return Measurement.median(measured);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
