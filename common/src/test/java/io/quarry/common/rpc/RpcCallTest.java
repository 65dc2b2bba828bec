package io.quarry.common.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.TestMessages.Echo;
import io.quarry.common.testing.TestMessages.EchoReply;
import io.quarry.common.testing.TestMessages.Mutate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls over a real server and client on loopback: replies, errors and concurrency. */
@Timeout(30)
@ExtendWith(NoLeaks.class)
class RpcCallTest {
    /** A reply the codec does not know. */
    record Unregistered(String text) {
    }

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

    private static Object echo(Object request) {
        return request instanceof Echo echo ? new EchoReply(echo.text()) : null;
    }

    @Test
    void requestGetsItsReplyAndTheServerSeesWhoCalled() throws Exception {
        ScriptedService service = ScriptedService.answering(RpcCallTest::echo);
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        EchoReply reply = client.call(server.address(), new Echo("hello"), EchoReply.class);

        assertThat(reply).isEqualTo(new EchoReply("hello"));
        ScriptedService.Seen seen = service.seen().get(0);
        assertThat(seen.context().clientId()).isEqualTo(client.clientId());
        assertThat(seen.context().user()).isEqualTo("tester");
        assertThat(seen.context().remoteAddress()).isNotNull();
        assertThat(seen.thread()).as("handlers run off the event loop").contains("rpc-handler");
    }

    @Test
    void nullReplyArrivesAsAck() throws Exception {
        RpcServer server = closing(RpcTestSupport.server(ScriptedService.answering(request -> null), RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        assertThat(client.call(server.address(), new Mutate("x"), Ack.class)).isEqualTo(Ack.INSTANCE);
    }

    @Test
    void replyOfTheWrongTypeIsAProtocolError() throws Exception {
        RpcServer server = closing(RpcTestSupport.server(ScriptedService.answering(RpcCallTest::echo), RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        assertThatThrownBy(() -> client.call(server.address(), new Echo("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                .hasMessageContaining("EchoReply").hasMessageContaining("Ack");
    }

    @Test
    void concurrentCallsFromManyThreadsEachGetTheirOwnReply() throws Exception {
        RpcServer server = closing(RpcTestSupport.server(ScriptedService.answering(RpcCallTest::echo), RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        ExecutorService callers = Executors.newFixedThreadPool(16, Threads.named("test-caller-%d"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(callers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String text = thread + "/" + i;
                        assertThat(client.call(server.address(), new Echo(text), EchoReply.class)).isEqualTo(new EchoReply(text));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void serverQuarryExceptionKeepsItsCodeAndMessage() throws Exception {
        RpcServer server = closing(RpcTestSupport.server(new ScriptedService((context, request) ->
                CompletableFuture.failedFuture(new QuarryException(ErrorCode.FILE_NOT_FOUND, "File does not exist: /a/b"))),
                RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThatThrownBy(() -> client.call(server.address(), new Echo("x"), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessage("File does not exist: /a/b");
    }

    @Test
    void quarryExceptionThrownInsideAStageIsUnwrapped() throws Exception {
        RpcServer server = closing(RpcTestSupport.server(new ScriptedService((context, request) ->
                CompletableFuture.supplyAsync(() -> {
                    throw new java.util.concurrent.CompletionException(new QuarryException(ErrorCode.LEASE_CONFLICT, "held by other"));
                })), RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LEASE_CONFLICT))
                .hasMessage("held by other");
    }

    @Test
    void otherExceptionsBecomeInternalNamingTheirClass() throws Exception {
        ScriptedService service = new ScriptedService((context, request) -> {
            throw new IllegalStateException("index corrupt");
        });
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("java.lang.IllegalStateException").hasMessageContaining("index corrupt");

        service.setScript((context, request) -> CompletableFuture.failedFuture(new ArithmeticException("divide by zero")));
        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("ArithmeticException").hasMessageContaining("divide by zero");
    }

    @Test
    void serviceThatThrowsAnErrorOrReturnsNoStageStillAnswers() throws Exception {
        ScriptedService service = new ScriptedService((context, request) -> {
            throw new AssertionError("invariant broken");
        });
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("invariant broken");

        service.setScript((context, request) -> null);
        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("no result stage");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until both answers (timeout is 3000)").isLessThan(2500);
    }

    @Test
    void replyThatCannotBeEncodedIsAnsweredWithAnInternalError() throws Exception {
        RpcServer server = closing(RpcTestSupport.server(ScriptedService.answering(request -> new Unregistered("x")),
                RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("cannot send the answer").hasMessageContaining(Unregistered.class.getName());
        // The connection is still good.
        RpcServer echo = closing(RpcTestSupport.server(ScriptedService.answering(RpcCallTest::echo), RpcTestSupport.conf()));
        assertThat(client.call(echo.address(), new Echo("ok"), EchoReply.class)).isEqualTo(new EchoReply("ok"));
    }

    @Test
    void replyLargerThanTheFrameLimitIsAnsweredWithAnInternalError() throws Exception {
        String big = "x".repeat(2 << 20);
        RpcServer server = closing(RpcTestSupport.server(ScriptedService.answering(request -> new EchoReply(big)),
                RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));
        assertThatThrownBy(() -> client.call(server.address(), new Mutate("x"), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("maximum frame size");
    }

    @Test
    void requestThatCannotBeEncodedFailsAtOnceWithoutReachingTheServer() throws Exception {
        ScriptedService service = ScriptedService.answering(RpcCallTest::echo);
        RpcServer server = closing(RpcTestSupport.server(service, RpcTestSupport.conf()));
        RpcClient client = closing(new RpcClient("caller", RpcTestSupport.conf()));

        assertThatThrownBy(() -> client.call(server.address(), new Unregistered("x"), Ack.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining(Unregistered.class.getName());
        assertThatThrownBy(() -> client.call(server.address(), new Echo("y".repeat(2 << 20)), EchoReply.class))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("maximum frame size");
        assertThat(service.calls()).isZero();
        assertThat(client.call(server.address(), new Echo("after"), EchoReply.class)).isEqualTo(new EchoReply("after"));
    }
}
