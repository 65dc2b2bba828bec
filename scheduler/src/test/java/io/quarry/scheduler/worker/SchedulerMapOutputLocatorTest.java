package io.quarry.scheduler.worker;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.ManualClock;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.SplitCodec;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.WireAttemptReport;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServer;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.shuffle.MapOutputLocation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reducer's locator against a real Scheduler, with the test playing two Workers over the wire. */
@Timeout(30)
class SchedulerMapOutputLocatorTest {
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private SchedulerServer server;
    private SchedulerClient client;
    private String jobId;
    private SchedulerMapOutputLocator locator;

    @BeforeEach
    void start() throws Exception {
        Configuration conf = Configuration.empty()
                .with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0")
                .with(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL, "0");
        server = SchedulerServer.start(conf, clock);
        client = new SchedulerClient(server.address(), conf);
        client.registerWorker(new RegisterWorker("w1", "host-a", "/rack-1", 1, 0, 1111));
        client.registerWorker(new RegisterWorker("w2", "host-b", "/rack-1", 1, 1, 2222));
        FileSplit split = new FileSplit(new Path("file:///in/part-0"), 0, 10, List.of());
        jobId = client.submitJob(new SubmitJob("", "tester", "locate", Map.of(), "", List.of(SplitCodec.encode(split)), 1));
        locator = new SchedulerMapOutputLocator(JobId.parse(jobId), client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void locateWaitsUntilTheMapHasFinishedAndNamesItsWorkersShuffleServer() throws Exception {
        CompletableFuture<MapOutputLocation> located = CompletableFuture.supplyAsync(this::locateMap);
        String map = launches("w1").get(0).attemptId();
        assertThat(located).isNotDone();

        heartbeat("w1", List.of(succeeded(map)));

        assertThat(located.get(10, TimeUnit.SECONDS)).isEqualTo(new MapOutputLocation(new HostAndPort("host-a", 1111),
                TaskAttemptId.parse(map)));
    }

    @Test
    void locateOtherWaitsForTheReRunAndRetriesTheSameAttemptOnlyAfterTheBackoff() throws Exception {
        String map = launches("w1").get(0).attemptId();
        heartbeat("w1", List.of(succeeded(map)));
        String reduce = launches("w2").get(0).attemptId();
        TaskAttemptId lost = TaskAttemptId.parse(map);
        assertThat(locator.locateOther(0, lost, 0)).as("no backoff: the same attempt again at once")
                .extracting(MapOutputLocation::mapAttempt).isEqualTo(lost);
        CompletableFuture<MapOutputLocation> other = CompletableFuture.supplyAsync(() -> {
            try {
                return locator.locateOther(0, lost, TimeUnit.SECONDS.toNanos(60));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        client.reportFetchFailure(reduce, map, "connection refused by host-a");
        String rerun = launches("w2").get(0).attemptId();
        assertThat(other).isNotDone();
        heartbeat("w2", List.of(succeeded(rerun)));

        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(new MapOutputLocation(new HostAndPort("host-b", 2222),
                TaskAttemptId.parse(rerun)));
    }

    @Test
    void aWaitEndsWithTheJobsStateOnceTheJobIsNoLongerRunning() throws Exception {
        CompletableFuture<MapOutputLocation> located = CompletableFuture.supplyAsync(this::locateMap);

        client.killJob(jobId, "the user gave up");

        assertThatThrownBy(() -> located.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class)
                .rootCause().hasMessageContaining(jobId).hasMessageContaining("KILLED").hasMessageContaining("the user gave up");
        assertThatThrownBy(() -> locator.locate(0)).isInstanceOf(IOException.class).hasMessageContaining("KILLED");
    }

    private MapOutputLocation locateMap() {
        try {
            return locator.locate(0);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HeartbeatResponse heartbeat(String worker, List<WireAttemptReport> reports) throws QuarryException {
        return client.heartbeat(new WorkerHeartbeat(worker, reports, 0, 0));
    }

    private List<LaunchInstruction> launches(String worker) throws QuarryException {
        return heartbeat(worker, List.of()).instructions().stream().filter(LaunchInstruction.class::isInstance)
                .map(LaunchInstruction.class::cast).toList();
    }

    private static WireAttemptReport succeeded(String attempt) {
        return new WireAttemptReport(attempt, "SUCCEEDED", 1f, Map.of(), "");
    }
}
