package io.quarry.scheduler.shuffle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.runtime.FetchedSegment;
import io.quarry.mapreduce.runtime.LocalMapOutputFetcher;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.mapreduce.runtime.ReduceTask;
import io.quarry.mapreduce.runtime.TaskFailedException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Refusals, bad peers, broken transfers and large segments: each failure is a
 * {@link FetchFailedException} naming the server and the attempt, the server outlives any bytes
 * sent to it, and no buffer leaks.
 */
@Timeout(60)
@ExtendWith(NoLeaks.class)
class ShuffleFailureTest {
    private static final int BUFFER = 64 * 1024;

    @TempDir
    Path dir;

    private final MapOutputRegistry registry = new MapOutputRegistry();
    private ShuffleServer server;
    private ShuffleClient client;
    private MapOutputs.Produced small;

    @BeforeEach
    void start() throws Exception {
        server = new ShuffleServer("worker-7", registry, Configuration.empty());
        server.start("127.0.0.1", 0);
        client = new ShuffleClient("reducer", Configuration.empty()
                .with(ShuffleConfigKeys.CLIENT_BUFFER, Integer.toString(BUFFER))
                .with(ShuffleConfigKeys.READ_TIMEOUT, "10s"));
        small = MapOutputs.synthetic(dir.resolve("small"), new Random(Seeds.seed("small output")), 1000, 0, 70_000);
        small.registerAll(registry);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MapOutputLocation at(TaskAttemptId attempt) {
        return new MapOutputLocation(server.address(), attempt);
    }

    private FetchFailedException fetchFails(MapOutputLocation location, int mapIndex, int partition) {
        return catchThrowableOfType(FetchFailedException.class, () -> client.fetch(location, mapIndex, partition));
    }

    /** The small output's last partition arrives intact, proving the server (and the connection, if reused) still serves. */
    private void assertStillServes() throws Exception {
        byte[] expected;
        try (LocalMapOutputFetcher local = new LocalMapOutputFetcher(small.outputs())) {
            expected = MapOutputs.fetchAll(local, 0, 2);
        }
        assertThat(MapOutputs.readAll(client.fetch(at(small.attempts().get(0)), 0, 2))).isEqualTo(expected);
    }

    @Test
    void unknownAttemptFailsNamingTheWorkerHostAndAttemptAndTheConnectionStaysUsable() throws Exception {
        TaskAttemptId unknown = MapOutputs.attempt(small.job().jobId(), TaskType.MAP, 99);
        FetchFailedException failure = fetchFails(at(unknown), 99, 1);

        assertThat(failure.status()).isEqualTo(ShuffleStatus.UNKNOWN_ATTEMPT);
        assertThat(failure.host()).isEqualTo(server.address());
        assertThat(failure.mapAttempt()).isEqualTo(unknown);
        assertThat(failure.mapIndex()).isEqualTo(99);
        assertThat(failure.partition()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("worker-7", unknown.toString(), server.address().toString(), "partition 1");
        assertStillServes();
        assertThat(server.connectionsAccepted()).as("the error left the connection usable").isEqualTo(1);
    }

    @Test
    void partitionBeyondTheOutputFailsAndTheConnectionStaysUsable() throws Exception {
        FetchFailedException failure = fetchFails(at(small.attempts().get(0)), 0, 3);

        assertThat(failure.status()).isEqualTo(ShuffleStatus.BAD_PARTITION);
        assertThat(failure.getMessage()).contains("worker-7", small.attempts().get(0).toString(), "3 partitions", "partition 3");
        assertStillServes();
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void corruptIndexOrMissingDataFileFailsAsUnreadableOutput() throws Exception {
        MapOutput output = small.outputs().get(0);
        TaskAttemptId corrupt = MapOutputs.attempt(small.job().jobId(), TaskType.MAP, 5);
        Path badIndex = dir.resolve("bad.index");
        byte[] index = Files.readAllBytes(output.indexFile());
        index[index.length - 9] ^= 0x40; // inside the last entry: the checksum no longer matches
        Files.write(badIndex, index);
        registry.register(corrupt, new MapOutput(output.dataFile(), badIndex));
        TaskAttemptId missing = MapOutputs.attempt(small.job().jobId(), TaskType.MAP, 6);
        registry.register(missing, new MapOutput(dir.resolve("gone.out"), output.indexFile()));

        FetchFailedException corruptFailure = fetchFails(at(corrupt), 5, 0);
        assertThat(corruptFailure.status()).isEqualTo(ShuffleStatus.OUTPUT_UNREADABLE);
        assertThat(corruptFailure.getMessage()).contains("worker-7", corrupt.toString(), "checksum mismatch", badIndex.toString());
        FetchFailedException missingFailure = fetchFails(at(missing), 6, 0);
        assertThat(missingFailure.status()).isEqualTo(ShuffleStatus.OUTPUT_UNREADABLE);
        assertThat(missingFailure.getMessage()).contains(missing.toString(), "gone.out");
        assertStillServes();
    }

    @Test
    void refusedConnectionFailsNamingTheHostWithoutAStatus() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        HostAndPort nobody = new HostAndPort("127.0.0.1", freePort);
        TaskAttemptId attempt = small.attempts().get(0);
        FetchFailedException failure = catchThrowableOfType(FetchFailedException.class,
                () -> client.fetch(new MapOutputLocation(nobody, attempt), 0, 0));

        assertThat(failure.status()).isNull();
        assertThat(failure.host()).isEqualTo(nobody);
        assertThat(failure.getMessage()).contains(nobody.toString(), attempt.toString(), "cannot connect");
    }

    @Test
    void serverThatNeverAnswersFailsTheFetchAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                ShuffleClient impatient = new ShuffleClient("impatient", Configuration.empty()
                        .with(ShuffleConfigKeys.READ_TIMEOUT, "200ms"))) {
            HostAndPort host = new HostAndPort("127.0.0.1", silent.getLocalPort());
            TaskAttemptId attempt = small.attempts().get(0);
            assertThatThrownBy(() -> impatient.fetch(new MapOutputLocation(host, attempt), 0, 0))
                    .isInstanceOf(FetchFailedException.class)
                    .hasMessageContaining(host.toString())
                    .hasMessageContaining(attempt.toString())
                    .hasMessageContaining("no answer within 200 ms");
        }
    }

    @Test
    void garbageAndOversizedFramesCloseTheirConnectionAndTheServerServesOn() throws Exception {
        Random random = new Random(Seeds.seed("garbage"));
        byte[] garbage = new byte[64];
        random.nextBytes(garbage);
        ByteBuffer.wrap(garbage).putInt(0, 60); // a plausible length, then noise
        assertClosedAfterSending(garbage);

        byte[] oversized = ByteBuffer.allocate(8).putInt(10 * 1024 * 1024).putInt(ShuffleProtocol.MAGIC).array();
        assertClosedAfterSending(oversized);

        byte[] attemptId = "attempt_not_an_id".getBytes(StandardCharsets.UTF_8);
        ByteBuffer badAttempt = ByteBuffer.allocate(4 + 4 + 1 + 2 + attemptId.length + 4);
        badAttempt.putInt(badAttempt.capacity() - 4).putInt(ShuffleProtocol.MAGIC).put(ShuffleProtocol.VERSION)
                .putShort((short) attemptId.length).put(attemptId).putInt(0);
        assertClosedAfterSending(badAttempt.array());

        assertStillServes();
    }

    private void assertClosedAfterSending(byte[] bytes) throws IOException {
        try (Socket socket = new Socket(server.address().host(), server.address().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("server closes the connection after %s", Arrays.toString(Arrays.copyOf(bytes, 8))).isEqualTo(-1);
        }
    }

    @Test
    void segmentLargerThanTheBufferStreamsThroughABoundedBuffer() throws Exception {
        long size = 24L * 1024 * 1024;
        MapOutputs.Produced big = MapOutputs.synthetic(dir.resolve("big"), new Random(Seeds.seed("big segment")), 10, size);
        big.registerAll(registry);
        FetchedSegment segment = client.fetch(at(big.attempts().get(0)), 0, 1);
        SegmentStream stream = (SegmentStream) segment.stream();
        // The reader lags: nothing is read until the fetch has filled its buffer and must have stopped reading the socket.
        Await.until("the fetch to fill its buffer", Duration.ofSeconds(10), () -> stream.available() >= BUFFER);

        try (InputStream expected = new LocalMapOutputFetcher(big.outputs()).fetch(0, 1).stream(); stream) {
            byte[] want = new byte[8192];
            byte[] got = new byte[8192];
            long total = 0;
            while (true) {
                int n = stream.read(got);
                if (n < 0) {
                    break;
                }
                assertThat(expected.readNBytes(want, 0, n)).isEqualTo(n);
                assertThat(Arrays.equals(got, 0, n, want, 0, n)).as("bytes at offset %s", total).isTrue();
                total += n;
            }
            assertThat(total).isEqualTo(size);
            assertThat(expected.read()).isEqualTo(-1);
        }
        // Reading stops at the mark, but the read in progress and one the event loop already started may
        // still land: at most two socket reads past the mark, far below the 24 MiB segment.
        assertThat(stream.peakBuffered()).as("most bytes buffered at once")
                .isLessThanOrEqualTo(BUFFER + 2L * ShuffleClient.MAX_READ_BYTES);
    }

    @Test
    void serverClosedMidTransferFailsTheReadNamingHostAndAttempt() throws Exception {
        MapOutputs.Produced big = MapOutputs.synthetic(dir.resolve("big"), new Random(Seeds.seed("mid-transfer")), 64L * 1024 * 1024);
        big.registerAll(registry);
        FetchedSegment segment = client.fetch(at(big.attempts().get(0)), 0, 0);
        HostAndPort host = server.address();
        try (InputStream in = segment.stream()) {
            assertThat(in.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
            server.close();
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(FetchFailedException.class)
                    .hasMessageContaining(host.toString())
                    .hasMessageContaining(big.attempts().get(0).toString())
                    .hasMessageContaining("connection closed after");
        }
    }

    @Test
    void closingAStreamEarlyDropsItsConnectionAndTheNextFetchSucceeds() throws Exception {
        MapOutputs.Produced big = MapOutputs.synthetic(dir.resolve("big"), new Random(Seeds.seed("early close")), 8L * 1024 * 1024);
        big.registerAll(registry);
        try (InputStream in = client.fetch(at(big.attempts().get(0)), 0, 0).stream()) {
            assertThat(in.readNBytes(1000)).hasSize(1000);
        }
        assertStillServes();
        assertThat(server.connectionsAccepted()).as("the abandoned connection was not reused").isEqualTo(2);
    }

    @Test
    void connectionTheServerClosedWhileIdleIsReplacedOnTheNextFetch() throws Exception {
        try (ShuffleServer strict = new ShuffleServer("worker-8", registry, Configuration.empty()
                .with(ShuffleConfigKeys.SERVER_IDLE_TIMEOUT, "100ms"))) {
            strict.start("127.0.0.1", 0);
            MapOutputLocation location = new MapOutputLocation(strict.address(), small.attempts().get(0));
            byte[] first = MapOutputs.readAll(client.fetch(location, 0, 0));
            Await.until("the server to close the idle connection", Duration.ofSeconds(10), () -> strict.connectionsOpen() == 0);

            assertThat(MapOutputs.readAll(client.fetch(location, 0, 0))).isEqualTo(first);
            assertThat(strict.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void reduceTaskThatCannotFetchAMapFailsWithTheFetchFailureInItsCauses() throws Exception {
        TaskAttemptId lost = MapOutputs.attempt(small.job().jobId(), TaskType.MAP, 1);
        MapOutputLocator locator = map -> at(map == 0 ? small.attempts().get(0) : lost);
        TaskAttemptContext reduce = new TaskAttemptContext(small.job(),
                MapOutputs.attempt(small.job().jobId(), TaskType.REDUCE, 0));
        Throwable failure;
        try (NetworkMapOutputFetcher fetcher = new NetworkMapOutputFetcher(locator, client)) {
            failure = catchThrowable(() -> new ReduceTask(reduce, 2, fetcher, dir.resolve("reduce")).run());
        }
        assertThat(failure).isInstanceOf(TaskFailedException.class);
        FetchFailedException fetchFailure = FetchFailedException.find(failure);
        assertThat(fetchFailure).isNotNull();
        assertThat(fetchFailure.mapIndex()).isEqualTo(1);
        assertThat(fetchFailure.host()).isEqualTo(server.address());
        assertThat(fetchFailure.mapAttempt()).isEqualTo(lost);
        assertThat(FetchFailedException.find(new IOException("disk full"))).isNull();
    }

    @Test
    void registryRefusesMapOnlyAndReduceAttemptsAndForgetsAJobsOutputs() {
        TaskAttemptId reduce = MapOutputs.attempt(small.job().jobId(), TaskType.REDUCE, 0);
        assertThatThrownBy(() -> registry.register(reduce, small.outputs().get(0))).hasMessageContaining(reduce.toString());
        TaskAttemptId map = small.attempts().get(0);
        assertThatThrownBy(() -> registry.register(map, MapOutput.NONE)).hasMessageContaining("map-only");

        assertThat(registry.removeJob(small.job().jobId())).isEqualTo(List.of(small.outputs().get(0)));
        assertThat(registry.get(map)).isNull();
        assertThat(registry.size()).isZero();
    }
}
