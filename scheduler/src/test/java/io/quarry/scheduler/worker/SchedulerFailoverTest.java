package io.quarry.scheduler.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.Await;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.RunningJob;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.output.FileOutputCommitter;
import io.quarry.scheduler.client.ClusterClientConfigKeys;
import io.quarry.scheduler.client.ClusterJobRunner;
import io.quarry.scheduler.core.SchedulerConfigKeys;
import io.quarry.scheduler.protocol.SerializedSplit;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServer;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two Schedulers and two Workers on a real ZooKeeper server: the active is stopped, or ZooKeeper
 * goes away, in the middle of a word count; the job completes with the output of a fault-free run,
 * and the maps that finished before the failover are not run again.
 */
@Timeout(120)
class SchedulerFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final List<String> LINES = List.of("a b a", "c a", "b d e a", "e e", "f a b c");
    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    @TempDir
    Path tmp;

    private final List<AutoCloseable> started = new ArrayList<>();
    private TestingServer zooKeeper;
    private Configuration conf;
    private int workers;

    @BeforeEach
    void setUp() throws Exception {
        ClusterJobs.gate(0, 0);
        zooKeeper = new TestingServer(true);
        conf = Configuration.empty()
                .with("ha.zookeeper.quorum", zooKeeper.getConnectString())
                .with("quarry.ha.cluster-id", "failover" + CLUSTERS.incrementAndGet())
                .with("ha.zookeeper.session-timeout.ms", "6000")
                .with("quarry.ha.zookeeper.connect-timeout", "5s")
                .with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0")
                .with(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL, "100ms")
                .with(SchedulerConfigKeys.WORKER_EXPIRY, "10s");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        zooKeeper.close();
    }

    @Test
    void theStandbyFinishesAJobWhoseActiveStoppedWithoutRunningItsFinishedMapsAgain() throws Exception {
        failOverInTheMiddleOfAJob(SchedulerServer::close);
    }

    @Test
    void theStandbyFinishesAJobWhoseActiveCrashedWithoutRunningItsFinishedMapsAgain() throws Exception {
        failOverInTheMiddleOfAJob(SchedulerServer::abort);
    }

    private void failOverInTheMiddleOfAJob(Consumer<SchedulerServer> stop) throws Exception {
        SchedulerServer first = startScheduler();
        Await.until("the first Scheduler to be the active", WAIT, first::isActive);
        SchedulerServer second = startScheduler();
        startWorker(2, 1);
        startWorker(2, 1);
        SchedulerClient client = client();
        WireJobStatus faultFree = run(client, submit(client, wordCount("fault-free"), 4, 2));
        assertThat(faultFree.state()).as(faultFree.failure()).isEqualTo("SUCCEEDED");

        // Both reduces wait at the gate for a third one: they can finish only when run again under the new active.
        ClusterJobs.gate(0, 3);
        String jobId = submit(client, wordCount("failover").with(MapReduceConfigKeys.REDUCER_CLASS,
                ClusterJobs.GatedSumReducer.class.getName()), 4, 2);
        Await.until("the maps to finish and both reduces to wait at the gate", WAIT,
                () -> status(client, jobId).maps().succeeded() == 4 && ClusterJobs.reduceGate.getCount() == 1);

        started.remove(first);
        stop.accept(first);

        Await.until("the standby to take over", WAIT, second::isActive);
        WireJobStatus status = run(client, jobId);
        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
        assertThat(partFiles("failover")).isEqualTo(partFiles("fault-free")).isNotEmpty();
        assertThat(counts("failover")).isEqualTo(expectedCounts(4));
        assertThat(WireForms.counters(status.counters()).value(JobCounter.TOTAL_LAUNCHED_MAPS))
                .as("maps whose outputs survived on their Workers are not run again").isZero();
        assertThat(WireForms.counters(status.counters()).value(JobCounter.TOTAL_LAUNCHED_REDUCES))
                .as("the reduces that ran under the old active run again").isEqualTo(2);
    }

    @Test
    void aJobSubmittedThroughTheJobClientFollowsTheActiveAcrossAFailover() throws Exception {
        SchedulerServer first = startScheduler();
        Await.until("the first Scheduler to be the active", WAIT, first::isActive);
        SchedulerServer second = startScheduler();
        startWorker(2, 1);
        startWorker(2, 1);
        writeInputs(4);
        ClusterJobs.gate(0, 3);
        Configuration job = wordCount("client").with(MapReduceConfigKeys.REDUCER_CLASS, ClusterJobs.GatedSumReducer.class.getName())
                .with(MapReduceConfigKeys.FRAMEWORK_NAME, ClusterJobRunner.FRAMEWORK)
                .with(MapReduceConfigKeys.INPUT_DIRS, tmp.resolve("in").toUri().toString())
                .with(DfsConfigKeys.DEFAULT_FS, "file:///")
                .with(ClusterClientConfigKeys.STAGING_ROOT, tmp.resolve("staging").toUri().toString())
                .with(CommonConfigKeys.USER_NAME, "alice")
                .with(MapReduceConfigKeys.PROGRESS_INTERVAL, "100ms")
                .with("ha.zookeeper.quorum", conf.getString(HaConfigKeys.QUORUM))
                .with("quarry.ha.cluster-id", conf.getString(HaConfigKeys.CLUSTER_ID));

        RunningJob running = new ClusterJobRunner().submit(job);
        Await.until("the maps to finish and both reduces to wait at the gate", WAIT,
                () -> ClusterJobs.reduceGate.getCount() == 1);
        started.remove(first);
        first.abort();

        JobStatus status = running.status();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!status.state().isFinished() && System.nanoTime() < deadline) {
            status = running.awaitStatusChange(Duration.ofSeconds(1));
        }
        assertThat(status.state()).as(status.failure()).isEqualTo(JobState.SUCCEEDED);
        assertThat(second.isActive()).isTrue();
        assertThat(counts("client")).isEqualTo(expectedCounts(4));
        assertThat(status.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS)).isZero();
    }

    @Test
    void aStandbyRefusesWorkNamingTheActive() throws Exception {
        SchedulerServer active = startScheduler();
        Await.until("the first Scheduler to be the active", WAIT, active::isActive);
        SchedulerServer standby = startScheduler();

        try (SchedulerClient direct = new SchedulerClient(standby.address(), oneTry())) {
            assertThatThrownBy(direct::listJobs).isInstanceOfSatisfying(QuarryException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STANDBY))
                    .hasMessageContaining("standby").hasMessageContaining(active.address().toString());
        }
        assertThat(standby.isActive()).isFalse();
        assertThat(client().listJobs()).as("an HA client reaches the active").isEmpty();
    }

    @Test
    void losingTheZooKeeperQuorumStopsTheSchedulersUntilItIsBackAndTheJobThenCompletes() throws Exception {
        SchedulerServer first = startScheduler();
        Await.until("the first Scheduler to be the active", WAIT, first::isActive);
        SchedulerServer second = startScheduler();
        startWorker(2, 1);
        startWorker(2, 1);
        SchedulerClient client = client();
        ClusterJobs.gate(0, 3);
        String jobId = submit(client, wordCount("quorum").with(MapReduceConfigKeys.REDUCER_CLASS,
                ClusterJobs.GatedSumReducer.class.getName()), 4, 2);
        Await.until("the maps to finish and both reduces to wait at the gate", WAIT,
                () -> status(client, jobId).maps().succeeded() == 4 && ClusterJobs.reduceGate.getCount() == 1);

        zooKeeper.stop();

        Await.until("both Schedulers to stop acting as the active", WAIT, () -> !first.isActive() && !second.isActive());
        try (SchedulerClient direct = new SchedulerClient(first.address(), oneTry())) {
            assertThatThrownBy(() -> direct.jobStatus(jobId)).as("no Scheduler answers, let alone assigns, without ZooKeeper")
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STANDBY));
        }

        zooKeeper.restart();

        Await.until("a Scheduler to be the active again", WAIT, () -> first.isActive() || second.isActive());
        WireJobStatus status = run(client, jobId);
        assertThat(status.state()).as(status.failure()).isEqualTo("SUCCEEDED");
        assertThat(counts("quorum")).isEqualTo(expectedCounts(4));
    }

    /** A plain client's calls are not retried, so a standby's answer comes back at once. */
    private Configuration oneTry() {
        return conf.with(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS, "1");
    }

    private SchedulerServer startScheduler() throws QuarryException {
        SchedulerServer server = SchedulerServer.start(conf);
        started.add(server);
        return server;
    }

    private SchedulerClient client() throws QuarryException {
        SchedulerClient client = SchedulerClient.connect(conf, true);
        started.add(client);
        return client;
    }

    private WorkerDaemon startWorker(int mapSlots, int reduceSlots) throws QuarryException {
        WorkerDaemon worker = WorkerDaemon.start(conf
                .with(WorkerConfigKeys.SHUFFLE_ADDRESS, "127.0.0.1:0")
                .with(WorkerConfigKeys.LOCAL_DIR, tmp.resolve("local-" + ++workers).toString())
                .with(WorkerConfigKeys.MAP_SLOTS, Integer.toString(mapSlots))
                .with(WorkerConfigKeys.REDUCE_SLOTS, Integer.toString(reduceSlots))
                .with(WorkerConfigKeys.HEARTBEAT_INTERVAL, "50ms")
                .with(WorkerConfigKeys.SCHEDULER_RETRY_MAX, "200ms"));
        started.add(worker::close);
        return worker;
    }

    private Configuration wordCount(String output) {
        return TestJobs.wordCount(tmp.resolve(output).toUri().toString(), 2)
                .with(MapReduceConfigKeys.JOB_DIR, tmp.resolve("staging-" + output).toUri().toString());
    }

    private List<Path> writeInputs(int files) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path input = tmp.resolve("in").resolve("part-" + i + ".txt");
            Files.createDirectories(input.getParent());
            Files.write(input, LINES);
            inputs.add(input);
        }
        return inputs;
    }

    private String submit(SchedulerClient client, Configuration job, int maps, int reduces) throws Exception {
        List<SerializedSplit> splits = new ArrayList<>();
        for (Path input : writeInputs(maps)) {
            splits.add(SplitCodec.encode(new FileSplit(new io.quarry.dfs.Path(input.toUri().toString()), 0, Files.size(input),
                    List.of())));
        }
        return client.submitJob(new SubmitJob("", "tester", "wordcount", job.asMap(), "", splits, reduces));
    }

    private static WireJobStatus status(SchedulerClient client, String jobId) {
        try {
            return client.jobStatus(jobId);
        } catch (QuarryException e) {
            throw new AssertionError("cannot ask for the status of " + jobId, e);
        }
    }

    private static WireJobStatus run(SchedulerClient client, String jobId) {
        Await.until(jobId + " finished", WAIT, () -> !status(client, jobId).state().equals("RUNNING"));
        return status(client, jobId);
    }

    /** The published part files by name, with their bytes as text. */
    private Map<String, String> partFiles(String output) throws Exception {
        Path committed = tmp.resolve(output);
        assertThat(committed.resolve(FileOutputCommitter.SUCCESS)).exists();
        assertThat(committed.resolve(FileOutputCommitter.TEMPORARY)).doesNotExist();
        Map<String, String> parts = new TreeMap<>();
        try (Stream<Path> files = Files.list(committed)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                parts.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return parts;
    }

    private Map<String, Long> counts(String output) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String text : partFiles(output).values()) {
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    String[] fields = line.split("\t");
                    assertThat(counts.put(fields[0], Long.parseLong(fields[1]))).as("%s appears in one part only", fields[0]).isNull();
                }
            }
        }
        return counts;
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
}
