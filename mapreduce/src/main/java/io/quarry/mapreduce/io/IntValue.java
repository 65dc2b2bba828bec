package io.quarry.mapreduce.io;

/** A mutable int, so a task can reuse one instance per record. */
public final class IntValue implements Comparable<IntValue> {
    private int value;

    public IntValue() {
    }

    public IntValue(int value) {
        this.value = value;
    }

    public int get() {
        return value;
    }

    public IntValue set(int newValue) {
        value = newValue;
        return this;
    }

    @Override
    public int compareTo(IntValue other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntValue that && Integer.compare(value, that.value) == 0;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
