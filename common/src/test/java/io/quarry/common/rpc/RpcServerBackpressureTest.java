package io.quarry.common.rpc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.TestMessages.EchoReply;
import io.quarry.common.testing.TestMessages.Hang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A connection flooding calls is paused once it has too many unanswered, and resumes as they are answered. */
@Timeout(60)
@ExtendWith(NoLeaks.class)
class RpcServerBackpressureTest {
    @Test
    void serverStopsReadingFromAConnectionWithTooManyCallsInFlightAndResumesLater() throws Exception {
        int limit = RpcServer.MAX_CALLS_IN_FLIGHT_PER_CONNECTION;
        int sent = limit + 500;
        List<CompletableFuture<Object>> held = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> released = new CompletableFuture<>();
        ScriptedService service = new ScriptedService((context, request) -> {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            held.add(answer);
            released.thenRun(() -> answer.complete(new EchoReply("done")));
            return answer;
        });
        Configuration conf = RpcTestSupport.conf().with("quarry.rpc.timeout", "40s");
        try (RpcServer server = RpcTestSupport.server(service, conf); RpcClient client = new RpcClient("flood", conf)) {
            CompletableFuture<?>[] calls = new CompletableFuture<?>[sent];
            for (int i = 0; i < sent; i++) {
                calls[i] = client.callAsync(server.address(), new Hang(i));
            }
            Await.until("the server to take " + limit + " calls", ofSeconds(20), () -> service.calls() >= limit);
            CompletableFuture<Void> all = CompletableFuture.allOf(calls);
            assertThatThrownBy(() -> all.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(service.calls()).as("calls taken while paused").isLessThan(sent);

            released.complete(null);

            all.get(30, TimeUnit.SECONDS);
            assertThat(service.calls()).isEqualTo(sent);
        }
    }
}
