package io.quarry.common.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.TestMessages.Echo;
import io.quarry.common.testing.TestMessages.EchoReply;
import io.quarry.common.testing.TestMessages.Hang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing clients and servers, and asynchronous use of the client. */
@Timeout(30)
@ExtendWith(NoLeaks.class)
class RpcClientLifecycleTest {
    private static final ScriptedService ECHO_OR_HANG = new ScriptedService((context, request) ->
            request instanceof Echo echo ? CompletableFuture.completedFuture(new EchoReply(echo.text())) : new CompletableFuture<>());

    @Test
    void closeFailsCallsStillWaitingAndLaterCallsFailAtOnce() throws Exception {
        try (RpcServer server = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf())) {
            RpcClient client = new RpcClient("caller", RpcTestSupport.conf());
            CompletableFuture<Object> waiting = client.callAsync(server.address(), new Hang(1));
            assertThat(client.call(server.address(), new Echo("x"), EchoReply.class)).isEqualTo(new EchoReply("x"));

            client.close();

            assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(QuarryException.class)
                    .hasMessageContaining("closed");
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.call(server.address(), new Echo("after close"), EchoReply.class))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining("closed");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to fail after close, without retries").isLessThan(1000);
            client.close(); // twice is harmless
        }
    }

    @Test
    void serverCloseFailsCallsWaitingOnIt() throws Exception {
        RpcServer server = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf());
        try (RpcClient client = new RpcClient("caller", RpcTestSupport.conf())) {
            CompletableFuture<Object> waiting = client.callAsync(server.address(), new Hang(1));
            assertThat(client.call(server.address(), new Echo("x"), EchoReply.class)).isEqualTo(new EchoReply("x"));
            server.close();
            // Either the connection closes under the waiting call, or the call arrives as the server shuts down.
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        }
    }

    @Test
    void asyncCallsChainToANewServerFromACompletion() throws Exception {
        try (RpcServer first = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf());
             RpcServer second = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf());
             RpcClient client = new RpcClient("caller", RpcTestSupport.conf())) {
            // The continuation runs on the client's I/O thread and opens a connection from there.
            Object reply = client.callAsync(first.address(), new Echo("one"))
                    .thenCompose(r -> client.callAsync(second.address(), new Echo(((EchoReply) r).text() + "+two")))
                    .get(5, TimeUnit.SECONDS);
            assertThat(reply).isEqualTo(new EchoReply("one+two"));
        }
    }

    @Test
    void blockingCallFromTheClientsIoThreadIsRefusedInsteadOfHanging() throws Exception {
        try (RpcServer server = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf());
             RpcClient client = new RpcClient("caller", RpcTestSupport.conf())) {
            CompletableFuture<Object> nested = client.callAsync(server.address(), new Echo("outer"))
                    .thenApply(r -> {
                        try {
                            return client.call(server.address(), new Echo("inner"), EchoReply.class);
                        } catch (QuarryException e) {
                            throw new CompletionException(e);
                        }
                    });
            assertThatThrownBy(() -> nested.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("callAsync");
        }
    }

    @Test
    void manyAsyncCallsCompleteAndTheirTimersAreCancelled() throws Exception {
        io.quarry.common.conf.Configuration patient = RpcTestSupport.conf().with("quarry.rpc.timeout", "20s");
        try (RpcServer server = RpcTestSupport.server(ECHO_OR_HANG, patient);
             RpcClient client = new RpcClient("caller", patient)) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[500];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = client.callAsync(server.address(), new Echo("n" + i));
            }
            CompletableFuture.allOf(calls).get(20, TimeUnit.SECONDS);
            for (int i = 0; i < calls.length; i++) {
                assertThat(calls[i].get()).isEqualTo(new EchoReply("n" + i));
            }
        }
    }

    @Test
    void unresolvableHostFailsAsUnavailableFromAnyThread() throws Exception {
        io.quarry.common.net.HostAndPort nowhere = new io.quarry.common.net.HostAndPort("no-such-host.invalid", 8020);
        try (RpcServer server = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf());
             RpcClient client = new RpcClient("caller", RpcTestSupport.conf())) {
            assertThatThrownBy(() -> client.call(nowhere, new Echo("x"), EchoReply.class))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining("no-such-host.invalid:8020");
            // From the client's own I/O thread the connect attempt fails inline.
            CompletableFuture<Object> chained = client.callAsync(server.address(), new Echo("first"))
                    .thenCompose(r -> client.callAsync(nowhere, new Echo("second")));
            assertThatThrownBy(() -> chained.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining("no-such-host.invalid:8020");
        }
    }

    @Test
    void serverThatCannotBindFailsWithUnavailableNamingTheAddress() throws Exception {
        try (RpcServer server = RpcTestSupport.server(ECHO_OR_HANG, RpcTestSupport.conf())) {
            assertThatThrownBy(() -> RpcServer.start("second", server.address(), ECHO_OR_HANG, RpcTestSupport.conf(),
                    io.quarry.common.time.Clock.system()))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining(server.address().toString());
        }
    }
}
