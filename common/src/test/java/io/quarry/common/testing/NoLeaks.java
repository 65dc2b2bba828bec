package io.quarry.common.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads running or leaks Netty buffers. Threads started during
 * the class must have ended (within a few seconds) once it is done; buffers are checked through
 * Netty's leak detector (run tests with {@code -Dio.netty.leakDetection.level=paranoid}) and
 * {@link LeakLog}. Use with {@code @ExtendWith(NoLeaks.class)}.
 */
public final class NoLeaks implements BeforeAllCallback, AfterAllCallback {
    /** Threads the JVM, the test runner or Netty start once per process and keep. */
    private static final List<String> PROCESS_THREADS = List.of(
            "globalEventExecutor", "ObjectCleanerThread", "Common-Cleaner", "process reaper", "Attach Listener",
            "Signal Dispatcher", "Finalizer", "Reference Handler", "ForkJoinPool", "surefire", "junit",
            "Notification Thread", "Keep-Alive", "ReaderThread", "CompletableFutureDelayScheduler");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoLeaks.class);

    private record Before(Set<Long> threadIds, int leakReports) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Set<Long> ids = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        context.getStore(NAMESPACE).put(Before.class, new Before(ids, LeakLog.count()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Before before = context.getStore(NAMESPACE).get(Before.class, Before.class);
        String owner = context.getDisplayName();
        Await.until(owner + " to stop its threads " + newThreads(before), Duration.ofSeconds(10),
                () -> newThreads(before).isEmpty());
        checkBuffers(before, owner);
    }

    /** Leak reports since the given count, after making Netty look for buffers that were collected unreleased. */
    static List<String> bufferLeaksSince(int reports) {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBufAllocator.DEFAULT.buffer(8).release();
                Unpooled.buffer(8).release();
                Unpooled.directBuffer(8).release();
            }
        }
        return LeakLog.since(reports);
    }

    private static List<String> newThreads(Before before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.threadIds().contains(t.getId()))
                .map(Thread::getName)
                .filter(name -> PROCESS_THREADS.stream().noneMatch(name::startsWith))
                .sorted()
                .toList();
    }

    private static void checkBuffers(Before before, String owner) {
        if (!LeakLog.attached()) {
            return;
        }
        List<String> leaks = bufferLeaksSince(before.leakReports());
        if (!leaks.isEmpty()) {
            throw new AssertionError(owner + " leaked " + leaks.size() + " Netty buffer(s):\n" + String.join("\n", leaks));
        }
    }
}
