package io.quarry.mapreduce.io;

/** A mutable long, so a task can reuse one instance per record. */
public final class LongValue implements Comparable<LongValue> {
    private long value;

    public LongValue() {
    }

    public LongValue(long value) {
        this.value = value;
    }

    public long get() {
        return value;
    }

    public LongValue set(long newValue) {
        value = newValue;
        return this;
    }

    @Override
    public int compareTo(LongValue other) {
        return Long.compare(value, other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LongValue that && Long.compare(value, that.value) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
