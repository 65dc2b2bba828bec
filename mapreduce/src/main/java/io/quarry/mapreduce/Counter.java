package io.quarry.mapreduce;

/**
 * One named count. A task's counters are updated by the task's own thread only; other threads
 * may read a slightly stale value while it runs.
 */
public final class Counter {
    private final String name;
    private final String displayName;
    private long value;

    Counter(String name, String displayName) {
        this.name = name;
        this.displayName = displayName;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public long value() {
        return value;
    }

    public void increment(long amount) {
        value += amount;
    }

    public void increment() {
        value++;
    }

    public void setValue(long newValue) {
        value = newValue;
    }

    @Override
    public String toString() {
        return displayName + "=" + value;
    }
}
