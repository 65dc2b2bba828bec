package io.quarry.common.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.TestMessages.Echo;
import io.quarry.common.testing.TestMessages.EchoReply;
import io.quarry.common.testing.TestMessages.Hang;
import io.quarry.common.testing.TestMessages.Mutate;
import io.quarry.common.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Timeouts, retries and reconnection over a real server and client on loopback. */
@Timeout(60)
@ExtendWith(NoLeaks.class)
class RpcRetryTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    /** Fails the first {@code failures} calls with the code, then echoes. */
    private static ScriptedService failingFirst(int failures, ErrorCode code) {
        AtomicInteger calls = new AtomicInteger();
        return new ScriptedService((context, request) -> {
            if (calls.incrementAndGet() <= failures) {
                return CompletableFuture.failedFuture(new QuarryException(code, "try again (" + calls.get() + ")"));
            }
            String text = request instanceof Echo echo ? echo.text() : ((Mutate) request).text();
            return CompletableFuture.completedFuture(new EchoReply(text));
        });
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void callThatIsNeverAnsweredTimesOutAfterTheConfiguredTimeout() throws Exception {
        Configuration conf = RpcTestSupport.conf().with("quarry.rpc.timeout", "400ms");
        RpcServer server = closing(RpcTestSupport.server(new ScriptedService((c, r) -> new CompletableFuture<>()), conf));
        RpcClient client = closing(new RpcClient("caller", conf));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.call(server.address(), new Mutate("never"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT))
                .hasMessageContaining(server.address().toString()).hasMessageContaining("Mutate").hasMessageContaining("400 ms");
        long elapsed = millisSince(start);
        assertThat(elapsed).isBetween(390L, 2500L);
    }

    @Test
    void lateAnswerToATimedOutCallIsDroppedAndTheConnectionKeepsWorking() throws Exception {
        CompletableFuture<Object> late = new CompletableFuture<>();
        ScriptedService service = new ScriptedService((context, request) -> {
            if (request instanceof Hang) {
                return late;
            }
            return CompletableFuture.completedFuture(new EchoReply(((Echo) request).text()));
        });
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThatThrownBy(() -> client.call(server.address(), new Hang(1), EchoReply.class, Duration.ofMillis(200), RetryPolicy.none()))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        late.complete(new EchoReply("late"));

        for (int i = 0; i < 20; i++) {
            assertThat(client.call(server.address(), new Echo("fresh-" + i), EchoReply.class)).isEqualTo(new EchoReply("fresh-" + i));
        }
    }

    @Test
    void retryOfACallThatFirstFailedQuicklyStillTimesOut() {
        // The first attempt fails at once; its timer must not take the retry's place under the same call id.
        AtomicInteger calls = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            RpcServer server = closing(RpcTestSupport.server(new ScriptedService((context, request) ->
                    calls.incrementAndGet() == 1
                            ? CompletableFuture.failedFuture(new QuarryException(ErrorCode.SAFE_MODE, "in safe mode"))
                            : new CompletableFuture<>()), RpcTestSupport.conf()));
            RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
            RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(150), Duration.ofMillis(150));
            assertThatThrownBy(() -> client.call(server.address(), new Hang(1), EchoReply.class, Duration.ofMillis(500), twice))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        });
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void idempotentRequestIsRetriedOnARetriableErrorUnderTheSameCallId() throws Exception {
        ScriptedService service = failingFirst(2, ErrorCode.NOT_REPLICATED_YET);
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThat(client.call(server.address(), new Echo("third time"), EchoReply.class)).isEqualTo(new EchoReply("third time"));

        assertThat(service.calls()).isEqualTo(3);
        assertThat(service.seen()).extracting(seen -> seen.context().callId()).containsOnly(service.seen().get(0).context().callId());
    }

    @Test
    void retriesWaitWithBackoff() throws Exception {
        Configuration conf = RpcTestSupport.conf().withAll(Map.of(
                "quarry.rpc.retry.initial-backoff", "100ms", "quarry.rpc.retry.max-backoff", "1s"));
        RpcServer server = closing(RpcTestSupport.server(failingFirst(2, ErrorCode.UNAVAILABLE), conf));
        RpcClient client = closing(new RpcClient("caller", conf));
        long start = System.nanoTime();
        client.call(server.address(), new Echo("x"), EchoReply.class);
        // 100 ms then 200 ms, each within ±25%.
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(225L);
    }

    @Test
    void nonIdempotentRequestIsNotRetriedOnARetriableError() throws Exception {
        ScriptedService service = failingFirst(1, ErrorCode.UNAVAILABLE);
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThatThrownBy(() -> client.call(server.address(), new Mutate("once"), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(service.calls()).isEqualTo(1);
    }

    @Test
    void safeModeAndStandbyAreRetriedEvenForNonIdempotentRequests() throws Exception {
        for (ErrorCode code : new ErrorCode[] {ErrorCode.SAFE_MODE, ErrorCode.STANDBY}) {
            ScriptedService service = failingFirst(2, code);
            RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
            RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
            assertThat(client.call(server.address(), new Mutate("m"), EchoReply.class)).isEqualTo(new EchoReply("m"));
            assertThat(service.calls()).as("calls for %s", code).isEqualTo(3);
        }
    }

    @Test
    void retriesStopAtMaxAttempts() throws Exception {
        ScriptedService service = failingFirst(100, ErrorCode.SAFE_MODE);
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        assertThatThrownBy(() -> client.call(server.address(), new Echo("x"), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SAFE_MODE));
        assertThat(service.calls()).isEqualTo(3);
    }

    @Test
    void userErrorsAreNeverRetried() throws Exception {
        ScriptedService service = failingFirst(100, ErrorCode.FILE_NOT_FOUND);
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        assertThatThrownBy(() -> client.call(server.address(), new Echo("x"), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
        assertThat(service.calls()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsUnavailableAfterBoundedRetries() throws Exception {
        Configuration conf = RpcTestSupport.conf().withAll(Map.of(
                "quarry.rpc.retry.initial-backoff", "100ms", "quarry.rpc.retry.max-backoff", "1s"));
        RpcClient client = closing(new RpcClient("caller", conf));
        HostAndPort nobody = RpcTestSupport.unusedPort();

        long start = System.nanoTime();
        // Not sent, so even a non-idempotent request is retried: 3 attempts, backoff 100 ms then 200 ms.
        assertThatThrownBy(() -> client.call(nobody, new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining(nobody.toString()).hasMessageContaining("connection refused");
        assertThat(millisSince(start)).isBetween(225L, 5000L);

        CompletableFuture<Object> async = client.callAsync(nobody, new Mutate("x"));
        assertThatThrownBy(async::join).hasCauseInstanceOf(QuarryException.class).hasMessageContaining("connection refused");
    }

    @Test
    void clientReconnectsAfterTheServerRestarts() throws Exception {
        ScriptedService service = failingFirst(0, ErrorCode.INTERNAL);
        Configuration conf = RpcTestSupport.conf();
        RpcServer first = RpcTestSupport.server(service, conf);
        HostAndPort address = first.address();
        RpcClient client = closing(new RpcClient("caller", conf));
        assertThat(client.call(address, new Echo("before"), EchoReply.class)).isEqualTo(new EchoReply("before"));

        first.close();
        assertThatThrownBy(() -> client.call(address, new Echo("while down"), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));

        closing(RpcServer.start("test-server", address, service, conf, Clock.system()));
        assertThat(client.call(address, new Echo("after"), EchoReply.class)).isEqualTo(new EchoReply("after"));
        assertThat(client.call(address, new Mutate("after, not idempotent"), EchoReply.class))
                .isEqualTo(new EchoReply("after, not idempotent"));
    }
}
