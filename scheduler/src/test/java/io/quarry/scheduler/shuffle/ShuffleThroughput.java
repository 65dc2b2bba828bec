package io.quarry.scheduler.shuffle;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

import io.quarry.common.conf.Configuration;
import io.quarry.common.rpc.NettyTransport;

/**
 * A manual throughput check of the network shuffle over loopback, not a test: serves one map
 * output of {@code partitions} partitions of {@code megabytes} MiB in all and fetches every
 * partition, three rounds. Run with the test classpath: {@code java ... ShuffleThroughput 1024 8}.
 */
public final class ShuffleThroughput {
    private ShuffleThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 512;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("shuffle-throughput");
        long[] sizes = new long[partitions];
        java.util.Arrays.fill(sizes, megabytes * 1024 * 1024 / partitions);
        MapOutputRegistry registry = new MapOutputRegistry();
        MapOutputs.Produced output = MapOutputs.synthetic(dir, new Random(1), sizes);
        output.registerAll(registry);
        try (ShuffleServer server = new ShuffleServer("bench", registry, Configuration.empty());
                ShuffleClient client = new ShuffleClient("bench", Configuration.empty())) {
            server.start("127.0.0.1", 0);
            MapOutputLocation location = new MapOutputLocation(server.address(), output.attempts().get(0));
            byte[] buffer = new byte[64 * 1024];
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                long total = 0;
                for (int p = 0; p < partitions; p++) {
                    try (InputStream in = client.fetch(location, 0, p).stream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            total += n;
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d (%s): %d MiB in %.2f s, %.0f MiB/s%n", round, NettyTransport.name(), total >> 20, seconds,
                        (total >> 20) / seconds);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
