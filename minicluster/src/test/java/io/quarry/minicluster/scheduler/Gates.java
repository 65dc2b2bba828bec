package io.quarry.minicluster.scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Named gates that hold task attempts in the middle of their work until the test opens them.
 * Tasks run in this JVM (the mini cluster's Workers run attempts in threads and jobs without a jar
 * use the test's class loader), so a static registry reaches them. The job names its gate in its
 * configuration; a job without one never waits.
 */
final class Gates {
    static final String KEY = "test.gate";
    private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    private Gates() {
    }

    static Gate create() {
        Gate gate = new Gate(UUID.randomUUID().toString());
        GATES.put(gate.name, gate);
        return gate;
    }

    /** Records the attempt at the job's gate, if it names one, and waits until the gate opens. */
    static void pass(io.quarry.common.conf.Configuration conf, String attempt) throws InterruptedException {
        String name = conf.get(KEY);
        if (name == null) {
            return;
        }
        Gate gate = GATES.get(name);
        if (gate == null) {
            throw new IllegalStateException("No gate " + name + " in this JVM: the attempt " + attempt + " runs elsewhere");
        }
        gate.arrive(attempt);
    }

    /** One gate: the attempts that reached it, and whether it is open. */
    static final class Gate implements AutoCloseable {
        final String name;
        private final Set<String> arrived = ConcurrentHashMap.newKeySet();
        private final CountDownLatch open = new CountDownLatch(1);
        private final Object lock = new Object();

        private Gate(String name) {
            this.name = name;
        }

        private void arrive(String attempt) throws InterruptedException {
            synchronized (lock) {
                arrived.add(attempt);
                lock.notifyAll();
            }
            open.await();
        }

        /** Waits until {@code count} distinct attempts have reached the gate. */
        Set<String> awaitArrivals(int count, Duration timeout) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lock) {
                while (arrived.size() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new TimeoutException("Only " + arrived.size() + " of " + count + " attempts reached gate "
                                + name + " within " + timeout.toMillis() + " ms: " + arrived);
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                return Set.copyOf(arrived);
            }
        }

        void open() {
            open.countDown();
        }

        @Override
        public void close() {
            open();
            GATES.remove(name);
        }
    }
}
