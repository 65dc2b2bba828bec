package io.quarry.common.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon thread factories: every thread in a Quarry process says whose it is. */
public final class Threads {
    private Threads() {
    }

    /** A factory whose threads are named by the format, e.g. {@code namenode-journal-%d}. */
    public static ThreadFactory named(String format) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, String.format(format, counter.incrementAndGet()));
            thread.setDaemon(true);
            return thread;
        };
    }
}
