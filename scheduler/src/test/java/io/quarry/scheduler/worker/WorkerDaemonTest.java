package io.quarry.scheduler.worker;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.output.FileOutputCommitter;
import io.quarry.scheduler.core.SchedulerConfigKeys;
import io.quarry.scheduler.protocol.SerializedSplit;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServer;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
@ExtendWith(NoLeaks.class)
class WorkerDaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> LINES = List.of("a b a", "c a", "b d e a", "e e", "f a b c");

    @TempDir
    Path tmp;

    private final List<AutoCloseable> started = new ArrayList<>();
    private SchedulerServer server;
    private SchedulerClient client;
    private int workers;

    @BeforeEach
    void setUp() {
        ClusterJobs.gate(0, 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aJobRunsItsMapsAndReducesOnBothWorkersAndSucceeds() throws Exception {
        startScheduler(schedulerConf(), null);
        WorkerDaemon first = startWorker(1, 1);
        WorkerDaemon second = startWorker(1, 1);
        assertThat(first.workerId()).isNotEqualTo(second.workerId()).startsWith("127.0.0.1:");
        assertThat(first.addresses()).containsOnlyKeys("shuffle");
        assertThat(first.workerId()).endsWith(":" + first.addresses().get("shuffle").port());
        awaitRegistered(first, second);
        // Each Worker has one slot of each kind: only both together can run two maps, then two reduces, at once.
        ClusterJobs.gate(2, 2);
        Configuration job = wordCount(2).with(MapReduceConfigKeys.MAPPER_CLASS, ClusterJobs.GatedWordMapper.class.getName())
                .with(MapReduceConfigKeys.REDUCER_CLASS, ClusterJobs.GatedSumReducer.class.getName());

        WireJobStatus status = run(submit(job, 4, 2));

        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
        assertThat(status.maps().succeeded()).isEqualTo(4);
        assertThat(status.reduces().succeeded()).isEqualTo(2);
        assertThat(committedCounts()).isEqualTo(expectedCounts(4));
    }

    @Test
    void aReducerReadsTheOutputsOfItsOwnWorkersMapsInPlaceWithoutTheShuffleServer() throws Exception {
        startScheduler(schedulerConf(), null);
        WorkerDaemon only = startWorker(2, 1);
        awaitRegistered(only);

        WireJobStatus status = run(submit(wordCount(1), 4, 1));

        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
        assertThat(committedCounts()).isEqualTo(expectedCounts(4));
        assertThat(only.shuffleServer().connectionsAccepted()).as("map outputs fetched over the network").isZero();
    }

    @Test
    void mapsOfAnAbortedWorkerReRunElsewhereAndTheJobSucceeds() throws Exception {
        startScheduler(schedulerConf().with(SchedulerConfigKeys.WORKER_EXPIRY, "2s")
                .with(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL, "100ms"), null);
        WorkerDaemon doomed = startWorker(2, 0);
        awaitRegistered(doomed);
        String jobId = submit(wordCount(2), 4, 2);
        Await.until("the maps finished on the doomed Worker", WAIT, () -> status(jobId).maps().succeeded() == 4);

        doomed.abort();
        WorkerDaemon survivor = startWorker(2, 2);
        awaitRegistered(survivor);

        WireJobStatus status = run(jobId);
        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
        assertThat(committedCounts()).isEqualTo(expectedCounts(4));
        assertThat(doomed.isRegistered()).isFalse();
    }

    @Test
    void aTaskThatAlwaysFailsFailsTheJobWithItsError() throws Exception {
        startScheduler(schedulerConf().with(SchedulerConfigKeys.MAP_MAX_ATTEMPTS, "2"), null);
        WorkerDaemon worker = startWorker(2, 1);
        awaitRegistered(worker);

        WireJobStatus status = run(submit(wordCount(1).with(MapReduceConfigKeys.MAPPER_CLASS,
                ClusterJobs.FailingMapper.class.getName()), 1, 1));

        assertThat(status.state()).isEqualTo("FAILED");
        assertThat(status.failure()).contains("the failing mapper refuses line");
        assertThat(worker.isRegistered()).as("a failing task does not take the Worker down").isTrue();
        assertThat(run(submit(wordCount(1), 2, 1)).state()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aWorkerTheSchedulerForgotRegistersAgainAndRunsJobs() throws Exception {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        startScheduler(schedulerConf().with(SchedulerConfigKeys.WORKER_EXPIRY, "10s"), clock);
        WorkerDaemon worker = startWorker(2, 1);
        awaitRegistered(worker);
        assertThat(worker.registrations()).isEqualTo(1);

        // A heartbeat may slip in between the clock's step and the expiry check: step until the Worker was forgotten.
        Await.until("the forgotten Worker registered again", WAIT, () -> {
            clock.advance(Duration.ofSeconds(11));
            try {
                server.service().expireWorkers().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the expiry check failed", e);
            }
            return worker.registrations() >= 2;
        });
        Await.until("the Worker registered", WAIT, worker::isRegistered);
        WireJobStatus status = run(submit(wordCount(1), 2, 1));
        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aWorkerRegistersWithARestartedSchedulerAndRunsItsJobs() throws Exception {
        startScheduler(schedulerConf(), null);
        WorkerDaemon worker = startWorker(2, 1);
        awaitRegistered(worker);
        Configuration sameAddress = schedulerConf().with(SchedulerServiceConfigKeys.ADDRESS, server.address().toString());

        started.remove(server);
        server.close();
        startScheduler(sameAddress, null);

        Await.until("the Worker registered with the new Scheduler", WAIT, () -> worker.registrations() == 2);
        awaitRegistered(worker);
        WireJobStatus status = run(submit(wordCount(1), 2, 1));
        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aWorkerStartedBeforeTheSchedulerKeepsTryingAndRegistersOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = probe.getLocalPort();
        }
        Configuration conf = schedulerConf().with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:" + port);
        WorkerDaemon worker = startWorker(conf, 1, 1);
        assertThat(worker.isRegistered()).isFalse();

        startScheduler(conf, null);

        awaitRegistered(worker);
        assertThat(run(submit(wordCount(1), 1, 1)).state()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aHangingTaskIsKilledAfterTheTaskTimeoutAndTheJobFailsWithIt() throws Exception {
        startScheduler(schedulerConf().with(SchedulerConfigKeys.MAP_MAX_ATTEMPTS, "1"), null);
        ManualClock workerClock = new ManualClock();
        WorkerDaemon worker = startWorker(Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS,
                server.address().toString()), 1, 1, workerClock);
        awaitRegistered(worker);
        TestJobs.reset();
        String jobId = submit(wordCount(0).with(MapReduceConfigKeys.MAPPER_CLASS, TestJobs.BlockingMapper.class.getName())
                .with(WorkerConfigKeys.TASK_TIMEOUT, "5s"), 1, 0);
        assertThat(TestJobs.blocked.await(20, TimeUnit.SECONDS)).as("the mapper blocked").isTrue();

        // Each heartbeat checks the timeouts; time passes on the Worker's clock between them.
        Await.until("the hanging map timed out", WAIT, () -> {
            workerClock.advance(Duration.ofSeconds(6));
            return !status(jobId).state().equals("RUNNING");
        });

        WireJobStatus status = status(jobId);
        assertThat(status.state()).isEqualTo("FAILED");
        assertThat(status.failure()).contains("timed out after 5000 ms").contains(WorkerConfigKeys.TASK_TIMEOUT.name());
        assertThat(worker.isRegistered()).isTrue();
    }

    @Test
    void aShuffleAddressInUseFailsTheStartNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            String address = "127.0.0.1:" + taken.getLocalPort();
            assertThatThrownBy(() -> WorkerDaemon.start(Configuration.empty()
                    .with(WorkerConfigKeys.SHUFFLE_ADDRESS, address)
                    .with(WorkerConfigKeys.LOCAL_DIR, tmp.toString())))
                    .isInstanceOf(QuarryException.class).hasMessageContaining(address);
        }
    }

    private static Configuration schedulerConf() {
        return Configuration.empty()
                .with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0")
                .with(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL, "0");
    }

    private void startScheduler(Configuration conf, ManualClock clock) throws QuarryException {
        server = clock == null ? SchedulerServer.start(conf) : SchedulerServer.start(conf, clock);
        started.add(server);
        client = new SchedulerClient(server.address(), conf);
        started.add(client);
    }

    private WorkerDaemon startWorker(int mapSlots, int reduceSlots) throws QuarryException {
        return startWorker(Configuration.empty().with(SchedulerServiceConfigKeys.ADDRESS, server.address().toString()),
                mapSlots, reduceSlots);
    }

    private WorkerDaemon startWorker(Configuration conf, int mapSlots, int reduceSlots) throws QuarryException {
        return startWorker(conf, mapSlots, reduceSlots, new ManualClock());
    }

    private WorkerDaemon startWorker(Configuration conf, int mapSlots, int reduceSlots, ManualClock clock) throws QuarryException {
        WorkerDaemon worker = WorkerDaemon.start(conf
                .with(WorkerConfigKeys.SHUFFLE_ADDRESS, "127.0.0.1:0")
                .with(WorkerConfigKeys.LOCAL_DIR, tmp.resolve("local-" + ++workers).toString())
                .with(WorkerConfigKeys.MAP_SLOTS, Integer.toString(mapSlots))
                .with(WorkerConfigKeys.REDUCE_SLOTS, Integer.toString(reduceSlots))
                .with(WorkerConfigKeys.HEARTBEAT_INTERVAL, "50ms")
                .with(WorkerConfigKeys.SCHEDULER_RETRY_MAX, "50ms"), clock);
        started.add(worker::close);
        return worker;
    }

    private static void awaitRegistered(WorkerDaemon... workers) {
        for (WorkerDaemon worker : workers) {
            Await.until(worker.workerId() + " registered", WAIT, worker::isRegistered);
        }
    }

    private Configuration wordCount(int reduces) {
        return TestJobs.wordCount(tmp.resolve("out").toUri().toString(), reduces);
    }

    /** Submits the job over {@code maps} input files of {@link #LINES}; the classes come from the test class path. */
    private String submit(Configuration conf, int maps, int reduces) throws Exception {
        List<SerializedSplit> splits = new ArrayList<>();
        for (int i = 0; i < maps; i++) {
            Path input = tmp.resolve("in").resolve("part-" + i + ".txt");
            Files.createDirectories(input.getParent());
            Files.write(input, LINES);
            splits.add(SplitCodec.encode(new FileSplit(new io.quarry.dfs.Path(input.toUri().toString()), 0, Files.size(input),
                    List.of())));
        }
        return client.submitJob(new SubmitJob("", "tester", "wordcount", conf.asMap(), "", splits, reduces));
    }

    private WireJobStatus status(String jobId) {
        try {
            return client.jobStatus(jobId);
        } catch (QuarryException e) {
            throw new AssertionError("cannot ask for the status of " + jobId, e);
        }
    }

    private WireJobStatus run(String jobId) {
        Await.until(jobId + " finished", WAIT, () -> !status(jobId).state().equals("RUNNING"));
        return status(jobId);
    }

    private static Map<String, Long> expectedCounts(int copies) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : LINES) {
            for (String word : line.split(" ")) {
                counts.merge(word, (long) copies, Long::sum);
            }
        }
        return counts;
    }

    /** The word counts the job's published output holds (the Scheduler commits it before the job succeeds). */
    private Map<String, Long> committedCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        Path committed = tmp.resolve("out");
        assertThat(committed.resolve("_SUCCESS")).exists();
        assertThat(committed.resolve(FileOutputCommitter.TEMPORARY)).doesNotExist();
        try (Stream<Path> files = Files.walk(committed)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("part-r-")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split("\t");
                    assertThat(counts.put(fields[0], Long.parseLong(fields[1]))).as("%s appears in one part only", fields[0])
                            .isNull();
                }
            }
        }
        return counts;
    }
}
