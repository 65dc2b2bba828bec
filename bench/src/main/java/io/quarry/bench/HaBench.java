package io.quarry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.StandaloneZooKeeper;
import io.quarry.dfs.FileSystem;
import io.quarry.minicluster.process.DaemonProcess;
import io.quarry.minicluster.process.HaNameNodes;

/**
 * NameNode HA benchmark, every NameNode in its own JVM and a real ZooKeeper server in this one:
 * <ul>
 *   <li>failover time: SIGKILL the active NameNode, then time until a client's next namespace
 *   change succeeds (the client finds the new active through ZooKeeper and retries);</li>
 *   <li>metadata operations per second (mkdirs, create of empty files) with the ZooKeeper journal
 *   of an HA pair against the file journal of a single NameNode.</li>
 * </ul>
 * <pre>args: [--trials 10] [--session-timeout 2s] [--sleep-max 100ms] [--ops 5000] [--threads 8] --base DIR</pre>
 */
public final class HaBench {
    private static final int ROUNDS = 6;
    private HaBench() {
    }

    public static void main(String[] args) throws Exception {
        int trials = 10;
        String sessionTimeout = "2s";
        String sleepMax = "100ms";
        int ops = 5000;
        int threads = 8;
        Path base = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--session-timeout" -> sessionTimeout = args[++i];
                case "--sleep-max" -> sleepMax = args[++i];
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--base" -> base = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; expected --trials N, --session-timeout D, --sleep-max D, --ops N, --threads N, --base DIR");
            }
        }
        if (base == null) {
            throw new IllegalArgumentException("--base DIR is required");
        }
        Configuration zkConf = Configuration.of(Map.of(
                "quarry.zookeeper.data.dir", base.resolve("zookeeper").toString(),
                "quarry.zookeeper.client.port", "0",
                "quarry.zookeeper.bind-host", "127.0.0.1",
                "quarry.zookeeper.tick-time", "200ms"));
        try (StandaloneZooKeeper zooKeeper = StandaloneZooKeeper.start(zkConf)) {
            String quorum = zooKeeper.clientAddress().toString();
            failover(base.resolve("failover"), quorum, trials, sessionTimeout, sleepMax);
            throughput(base.resolve("throughput"), quorum, ops, threads);
        }
    }

    private static void failover(Path dir, String quorum, int trials, String sessionTimeout, String sleepMax) throws Exception {
        Map<String, String> settings = Map.of("ha.zookeeper.session-timeout.ms", sessionTimeout);
        List<Double> seconds = new ArrayList<>();
        try (HaNameNodes pair = HaNameNodes.start(dir, quorum, "bench-failover", settings)) {
            Configuration clientConf = Configuration.of(pair.clientConf())
                    .with("quarry.client.failover.call-timeout", "1s")
                    .with("dfs.client.failover.sleep.max.millis", sleepMax);
            try (FileSystem fs = FileSystem.get(clientConf)) {
                for (int trial = 0; trial < trials; trial++) {
                    int active = pair.awaitActive(Duration.ofSeconds(60));
                    fs.mkdirs(new io.quarry.dfs.Path("/warm-" + trial));
                    long killed = System.nanoTime();
                    pair.kill(active);
                    fs.mkdirs(new io.quarry.dfs.Path("/after-kill-" + trial));
                    double elapsed = (System.nanoTime() - killed) / 1e9;
                    seconds.add(elapsed);
                    System.out.printf("RUN failover trial=%d killed namenode-%d, first change acknowledged after %.2f s%n",
                            trial, active, elapsed);
                    pair.restart(active);
                }
            }
        }
        System.out.printf("RESULT failover_seconds (session timeout %s) %s%n", sessionTimeout, Stats.summary(seconds));
    }

    private static void throughput(Path dir, String quorum, int ops, int threads) throws Exception {
        Map<String, String> single = new LinkedHashMap<>();
        int port = freePort();
        single.put("dfs.namenode.rpc-address", "127.0.0.1:" + port);
        single.put("dfs.namenode.http-address", "127.0.0.1:0");
        single.put("dfs.namenode.name.dir", dir.resolve("single").toString());
        single.put("dfs.namenode.safemode.extension", "0");
        try (DaemonProcess nameNode = DaemonProcess.start("namenode", "io.quarry.dfs.namenode.NameNode", single,
                dir.resolve("logs/single.log"), Duration.ofSeconds(60));
             FileSystem fs = FileSystem.get(Configuration.of(Map.of("fs.defaultFS", "qfs://127.0.0.1:" + port)))) {
            measure("file_journal", fs, ops, threads);
        }
        try (HaNameNodes pair = HaNameNodes.start(dir.resolve("ha"), quorum, "bench-throughput", Map.of())) {
            pair.awaitActive(Duration.ofSeconds(60));
            try (FileSystem fs = FileSystem.get(Configuration.of(pair.clientConf()))) {
                measure("zookeeper_journal", fs, ops, threads);
            }
        }
    }

    private static void measure(String journal, FileSystem fs, int ops, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Double> mkdirRates = new ArrayList<>();
        List<Double> createRates = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                io.quarry.dfs.Path dir = new io.quarry.dfs.Path("/meta-" + round);
                fs.mkdirs(dir);
                double mkdirs = timed(pool, threads, ops, i -> fs.mkdirs(new io.quarry.dfs.Path(dir, "d" + i)));
                double creates = timed(pool, threads, ops, i -> fs.create(new io.quarry.dfs.Path(dir, "f" + i), false).close());
                System.out.printf("RUN %s round=%d mkdirs %.0f ops/s, create %.0f files/s (%d each, %d threads)%n", journal, round,
                        ops / mkdirs, ops / creates, ops, threads);
                if (round > 0) { // round 0 warms up the JIT of both JVMs
                    mkdirRates.add(ops / mkdirs);
                    createRates.add(ops / creates);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("RESULT %s mkdirs_per_s %s%n", journal, Stats.summary(mkdirRates));
        System.out.printf("RESULT %s create_per_s %s%n", journal, Stats.summary(createRates));
    }

    @FunctionalInterface
    private interface Op {
        void run(int index) throws Exception;
    }

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

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
