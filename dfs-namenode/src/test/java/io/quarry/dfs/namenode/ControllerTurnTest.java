package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.controller.Controller;
import io.quarry.dfs.namenode.controller.ControllerResult;

/** Reads run on the submitting thread when the controller is idle; queued work runs in order on the controller thread. */
@Timeout(60)
class ControllerTurnTest {
    @TempDir
    Path dir;

    @Test
    void readSubmittedToAnIdleControllerRunsOnTheCallingThread() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of())) {
            Controller controller = cluster.nameNode.controller();
            Thread caller = Thread.currentThread();
            boolean ranInline = false;
            // A monitor tick may hold the controller at any moment; one idle moment in twenty tries is plenty.
            for (int attempt = 0; attempt < 20 && !ranInline; attempt++) {
                CompletableFuture<Thread> ranOn = controller.read("probe", () -> ControllerResult.of(Thread.currentThread()));
                ranInline = ranOn.get(10, TimeUnit.SECONDS) == caller;
            }
            assertThat(ranInline).as("some read ran on the submitting thread").isTrue();
            CompletableFuture<Thread> change = controller.submit("change", () -> ControllerResult.of(Thread.currentThread()));
            assertThat(change.get(10, TimeUnit.SECONDS)).as("changes run on the controller thread").isNotEqualTo(caller);
        }
    }

    @Test
    void readsAndChangesSubmittedWhileTheControllerIsBusyWaitAndRunInOrderOnTheControllerThread() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of())) {
            Controller controller = cluster.nameNode.controller();
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> order = new CopyOnWriteArrayList<>();
            controller.event("blocker", () -> {
                busy.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add("blocker");
            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            Thread caller = Thread.currentThread();
            CompletableFuture<Thread> first = controller.read("first", () -> {
                order.add("first");
                return ControllerResult.of(Thread.currentThread());
            });
            CompletableFuture<Thread> second = controller.submit("second", () -> {
                order.add("second");
                return ControllerResult.of(Thread.currentThread());
            });
            assertThat(order).as("nothing runs while the controller is busy").isEmpty();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isNotEqualTo(caller);
            assertThat(second.get(10, TimeUnit.SECONDS)).isNotEqualTo(caller);
            assertThat(order).containsExactly("blocker", "first", "second");
        }
    }

    @Test
    void withAnUnsyncedJournalAChangeSubmittedToAnIdleControllerRunsAndIsWrittenOnTheCallingThread() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of("quarry.namenode.journal.sync", "false"))) {
            Controller controller = cluster.nameNode.controller();
            Thread caller = Thread.currentThread();
            var ops = cluster.nameNode.operations();
            var admin = new io.quarry.dfs.namenode.namespace.Caller(TestCluster.ADMIN, List.of("supergroup"), true);
            boolean ranInline = false;
            // A monitor tick may hold the controller at any moment; one idle moment in twenty tries is plenty.
            for (int attempt = 0; attempt < 20 && !ranInline; attempt++) {
                String path = "/inline-" + attempt;
                Thread[] ranOn = new Thread[1];
                CompletableFuture<?> change = controller.submit("mkdirs", () -> {
                    ranOn[0] = Thread.currentThread();
                    return ops.namespace().mkdirs(admin, new io.quarry.dfs.protocol.client.Mkdirs(path, (short) 0755, true));
                });
                ranInline = ranOn[0] == caller && change.isDone();
                change.get(10, TimeUnit.SECONDS);
            }
            assertThat(ranInline).as("some change ran, was written and answered on the submitting thread").isTrue();
            assertThat(cluster.nameNode.controller().queueLength()).isZero();
        }
    }
}
