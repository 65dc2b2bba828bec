package io.quarry.scheduler.shuffle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarry.common.conf.Configuration;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.runtime.FetchedSegment;
import io.quarry.mapreduce.runtime.LocalMapOutputFetcher;
import io.quarry.mapreduce.runtime.MapOutputFetcher;
import io.quarry.mapreduce.runtime.ReduceTask;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Real map outputs served over loopback arrive exactly as the local files hold them, alone, concurrently and under a reduce task. */
@Timeout(60)
@ExtendWith(NoLeaks.class)
class ShuffleFetchTest {
    private static final int MAPS = 4;
    private static final int REDUCES = 3;

    @TempDir
    Path dir;

    private final MapOutputRegistry registry = new MapOutputRegistry();
    private ShuffleServer server;
    private ShuffleClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ShuffleServer("worker-1", registry, Configuration.empty());
        server.start("127.0.0.1", 0);
        client = new ShuffleClient("reducer", Configuration.empty());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Runs MAPS real map tasks on seeded input (map 1 gets no records) and registers their outputs. */
    private MapOutputs.Produced produce(String name, boolean compress) throws Exception {
        long seed = Seeds.seed(name);
        Random random = new Random(seed);
        List<SeededInputFormat.Split> splits = new ArrayList<>();
        for (int m = 0; m < MAPS; m++) {
            splits.add(new SeededInputFormat.Split(name + "-" + m, random.nextLong(), m == 1 ? 0 : 2000 + random.nextInt(8000),
                    1 + random.nextInt(3000)));
        }
        MapOutputs.Produced produced = MapOutputs.runMaps(MapOutputs.job(MapOutputs.jobConf(REDUCES, compress)), splits,
                dir.resolve(name));
        produced.registerAll(registry);
        return produced;
    }

    private NetworkMapOutputFetcher fetcher(MapOutputs.Produced produced) {
        return new NetworkMapOutputFetcher(map -> new MapOutputLocation(server.address(), produced.attempts().get(map)), client);
    }

    @ParameterizedTest(name = "compressed={0}")
    @ValueSource(booleans = {false, true})
    void everyPartitionFetchedOverTheNetworkIsByteIdenticalToTheLocalFiles(boolean compress) throws Exception {
        MapOutputs.Produced produced = produce("identical-" + compress, compress);
        List<String> codecs = new ArrayList<>();
        try (LocalMapOutputFetcher local = new LocalMapOutputFetcher(produced.outputs());
                NetworkMapOutputFetcher network = fetcher(produced)) {
            for (int map = 0; map < MAPS; map++) {
                for (int partition = 0; partition < REDUCES; partition++) {
                    FetchedSegment expected = local.fetch(map, partition);
                    FetchedSegment actual = network.fetch(map, partition);
                    assertThat(actual.mapIndex()).isEqualTo(map);
                    assertThat(actual.storedLength()).as("stored length of map %s partition %s", map, partition)
                            .isEqualTo(expected.storedLength());
                    assertThat(actual.rawLength()).isEqualTo(expected.rawLength());
                    assertThat(actual.codec()).isEqualTo(expected.codec());
                    assertThat(MapOutputs.readAll(actual)).as("bytes of map %s partition %s", map, partition)
                            .isEqualTo(MapOutputs.readAll(expected));
                    codecs.add(actual.codec());
                }
            }
        }
        assertThat(codecs).containsOnly(compress ? "lz4" : "none");
        assertThat(server.connectionsAccepted()).as("one connection serves consecutive fetches").isEqualTo(1);
    }

    @Test
    void reduceTaskFetchingOverTheNetworkWritesWhatItWritesWithLocalFetches() throws Exception {
        MapOutputs.Produced produced = produce("reduce", false);
        int records = 0;
        for (int r = 0; r < REDUCES; r++) {
            List<String> viaLocal;
            try (MapOutputFetcher local = new LocalMapOutputFetcher(produced.outputs())) {
                viaLocal = runReduce(produced, r, 0, local);
            }
            List<String> viaNetwork;
            try (MapOutputFetcher network = fetcher(produced)) {
                viaNetwork = runReduce(produced, r, 1, network);
            }
            assertThat(viaNetwork).as("output of reducer %s", r).isEqualTo(viaLocal);
            records += viaLocal.size();
        }
        assertThat(records).isPositive();
    }

    private List<String> runReduce(MapOutputs.Produced produced, int partition, int attemptNumber, MapOutputFetcher fetcher)
            throws Exception {
        TaskAttemptContext attempt = new TaskAttemptContext(produced.job(),
                new TaskAttemptId(new TaskId(produced.job().jobId(), TaskType.REDUCE, partition), attemptNumber));
        new ReduceTask(attempt, MAPS, fetcher, dir.resolve("reduce-" + partition + "-" + attemptNumber)).run();
        return CollectingOutputFormat.take(attempt);
    }

    @Test
    void concurrentFetchesFromSeveralThreadsAreEachByteIdentical() throws Exception {
        MapOutputs.Produced produced = produce("concurrent", true);
        byte[][][] expected = new byte[MAPS][REDUCES][];
        try (LocalMapOutputFetcher local = new LocalMapOutputFetcher(produced.outputs())) {
            for (int map = 0; map < MAPS; map++) {
                for (int partition = 0; partition < REDUCES; partition++) {
                    expected[map][partition] = MapOutputs.fetchAll(local, map, partition);
                }
            }
        }
        long seed = Seeds.seed("concurrentFetches");
        ExecutorService threads = Executors.newFixedThreadPool(6, Threads.named("fetch-test-%d"));
        try (NetworkMapOutputFetcher network = fetcher(produced)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Random random = new Random(seed + t);
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int map = random.nextInt(MAPS);
                        int partition = random.nextInt(REDUCES);
                        assertThat(MapOutputs.fetchAll(network, map, partition)).as("map %s partition %s (seed %s)", map, partition, seed)
                                .isEqualTo(expected[map][partition]);
                    }
                    return 25;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(25);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.connectionsAccepted()).as("connections (seed %s)", seed).isBetween(1L, 6L + 6L);
    }
}
