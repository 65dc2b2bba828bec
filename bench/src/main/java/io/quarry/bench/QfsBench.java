package io.quarry.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.minicluster.MiniQfsCluster;

/**
 * QFS throughput and metadata benchmark on an in-process cluster (NameNode + N DataNodes, real
 * TCP on loopback, block files on the local disk), measured the same way as the Hadoop harness
 * measures MiniDFSCluster, so the figures sit side by side in docs/benchmarks.md.
 *
 * <pre>args: [--datanodes 3] [--size 1G] [--repl 3,1] [--iters 3] [--files 10000] [--threads 1]
 *       [--journal-sync both|true|false] [--set key=value]... --base DIR</pre>
 *
 * <p>Prints one {@code RESULT name median min max runs} line per measurement. With
 * {@code --journal-sync both} (the default) the metadata part runs twice: first with the
 * NameNode's journal synced on every change (Quarry's default), then, clearly labelled
 * {@code _journal_unsynced}, on a fresh cluster with {@code quarry.namenode.journal.sync=false},
 * the equal-work comparison with Hadoop's MiniDFSCluster, which skips its edit log's fsync.
 */
public final class QfsBench {
    private QfsBench() {
    }

    public static void main(String[] args) throws Exception {
        int datanodes = 3;
        int iterations = 3;
        int files = 10_000;
        int threads = 1;
        long size = 1L << 30;
        String replications = "3,1";
        String base = null;
        String journalSync = "both";
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--datanodes" -> datanodes = Integer.parseInt(args[++i]);
                case "--size" -> size = Stats.parseSize(args[++i]);
                case "--repl" -> replications = args[++i];
                case "--iters" -> iterations = Integer.parseInt(args[++i]);
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--base" -> base = args[++i];
                case "--journal-sync" -> journalSync = args[++i];
                case "--set" -> {
                    String[] pair = args[++i].split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("--set expects key=value, got " + args[i]);
                    }
                    settings.put(pair[0], pair[1]);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (base == null) {
            throw new IllegalArgumentException("--base DIR is required");
        }
        if (!List.of("both", "true", "false").contains(journalSync)) {
            throw new IllegalArgumentException("--journal-sync must be both, true or false, got " + journalSync);
        }
        java.nio.file.Path baseDir = Paths.get(base);
        Files.createDirectories(baseDir);
        boolean synced = !journalSync.equals("false");
        try (MiniQfsCluster cluster = startCluster(baseDir.resolve(synced ? "synced" : "unsynced"), datanodes, synced, settings)) {
            FileSystem fs = cluster.fileSystem();
            throughput(fs, size, replications, iterations);
            if (files > 0) {
                metadata(fs, files, iterations, threads, synced ? "" : UNSYNCED);
            }
        }
        if (files > 0 && journalSync.equals("both")) {
            System.out.println("-- metadata again with the journal NOT synced (" + JOURNAL_SYNC + "=false), "
                    + "the equal-work comparison with MiniDFSCluster's unsynced edit log");
            try (MiniQfsCluster cluster = startCluster(baseDir.resolve("unsynced"), datanodes, false, settings)) {
                metadata(cluster.fileSystem(), files, iterations, threads, UNSYNCED);
            }
        }
    }

    private static final String JOURNAL_SYNC = "quarry.namenode.journal.sync";
    private static final String UNSYNCED = "_journal_unsynced";

    private static MiniQfsCluster startCluster(java.nio.file.Path dir, int datanodes, boolean journalSync,
                                               java.util.Map<String, String> settings) throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        MiniQfsCluster.Builder builder = MiniQfsCluster.builder(dir).numDataNodes(datanodes)
                .set("dfs.heartbeat.interval", "1s")
                .set("dfs.namenode.heartbeat.recheck-interval", "30s")
                .set(JOURNAL_SYNC, String.valueOf(journalSync));
        settings.forEach(builder::set);
        MiniQfsCluster cluster = builder.build();
        System.out.printf("RESULT cluster_start_s %.2f s%n", (System.nanoTime() - start) / 1e9);
        return cluster;
    }

    private static void throughput(FileSystem fs, long size, String replications, int iterations) throws Exception {
        byte[] buffer = new byte[1 << 20];
        new Random(42).nextBytes(buffer);
        for (String text : replications.split(",")) {
            if (text.isBlank() || text.equals("none")) {
                continue;
            }
            short replication = Short.parseShort(text.trim());
            List<Double> writes = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            for (int iteration = 0; iteration < iterations; iteration++) {
                Path path = new Path("/bench/data-r" + replication + "-" + iteration);
                long cpu = processCpuNanos();
                long begin = System.nanoTime();
                try (OutputStream out = fs.create(path, CreateOptions.defaults().withOverwrite(true).withReplication(replication))) {
                    for (long left = size; left > 0; ) {
                        int n = (int) Math.min(left, buffer.length);
                        out.write(buffer, 0, n);
                        left -= n;
                    }
                }
                double writeSeconds = (System.nanoTime() - begin) / 1e9;
                double writeCpu = (processCpuNanos() - cpu) / 1e9;
                long read = 0;
                cpu = processCpuNanos();
                begin = System.nanoTime();
                try (InputStream in = fs.open(path)) {
                    for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
                        read += n;
                    }
                }
                double readSeconds = (System.nanoTime() - begin) / 1e9;
                double readCpu = (processCpuNanos() - cpu) / 1e9;
                if (read != size) {
                    throw new IllegalStateException("read " + read + " bytes of " + size + " from " + path);
                }
                double writeRate = size / writeSeconds / 1e6;
                double readRate = size / readSeconds / 1e6;
                writes.add(writeRate);
                reads.add(readRate);
                System.out.printf("RUN repl=%d iter=%d write %.2f s %.1f MB/s (CPU %.2f s), read %.2f s %.1f MB/s (CPU %.2f s)%n",
                        replication, iteration, writeSeconds, writeRate, writeCpu, readSeconds, readRate, readCpu);
                fs.delete(path, false);
            }
            System.out.printf("RESULT write_repl%d_MBps %s%n", replication, Stats.summary(writes));
            System.out.printf("RESULT read_repl%d_MBps %s%n", replication, Stats.summary(reads));
        }
    }

    private static void metadata(FileSystem fs, int files, int iterations, int threads, String label) throws Exception {
        List<Double> creates = new ArrayList<>();
        List<Double> lists = new ArrayList<>();
        List<Double> stats = new ArrayList<>();
        List<Double> deletes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int iteration = 0; iteration < iterations; iteration++) {
                Path dir = new Path("/meta-" + iteration);
                fs.mkdirs(dir);
                double createSeconds = timed(pool, threads, files, i -> fs.create(new Path(dir, "f" + i), false).close());
                long begin = System.nanoTime();
                int listed = fs.listStatus(dir).size();
                double listSeconds = (System.nanoTime() - begin) / 1e9;
                if (listed != files) {
                    throw new IllegalStateException("listed " + listed + " of " + files + " files in " + dir);
                }
                double statSeconds = timed(pool, threads, files, i -> fs.getFileStatus(new Path(dir, "f" + i)));
                double deleteSeconds = timed(pool, threads, files, i -> fs.delete(new Path(dir, "f" + i), false));
                creates.add(files / createSeconds);
                lists.add(files / listSeconds);
                stats.add(files / statSeconds);
                deletes.add(files / deleteSeconds);
                System.out.printf("RUN meta%s iter=%d create %.2f s, list %.3f s, stat %.2f s, delete %.2f s (%d files, %d threads)%n",
                        label, iteration, createSeconds, listSeconds, statSeconds, deleteSeconds, files, threads);
                fs.delete(dir, true);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("RESULT create_empty_ops_per_s%s %s%n", label, Stats.summary(creates));
        System.out.printf("RESULT list_entries_per_s%s %s%n", label, Stats.summary(lists));
        System.out.printf("RESULT stat_ops_per_s%s %s%n", label, Stats.summary(stats));
        System.out.printf("RESULT delete_ops_per_s%s %s%n", label, Stats.summary(deletes));
    }

    /** CPU time of the whole process (client, NameNode and DataNodes): steadier than wall time on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @FunctionalInterface
    private interface Op {
        void run(int index) throws Exception;
    }

    /** Runs op(0..count-1) split over the threads; returns elapsed seconds. */
    private static double timed(ExecutorService pool, int threads, int count, Op op) throws Exception {
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < count; i += threads) {
                    op.run(i);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return (System.nanoTime() - begin) / 1e9;
    }
}
