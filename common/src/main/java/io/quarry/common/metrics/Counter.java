package io.quarry.common.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count, cheap to bump from many threads. */
public final class Counter {
    private final LongAdder value = new LongAdder();

    public void inc() {
        value.increment();
    }

    public void add(long amount) {
        value.add(amount);
    }

    public long get() {
        return value.sum();
    }
}
