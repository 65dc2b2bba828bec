package io.quarry.mapreduce.io;

/** A mutable double, so a task can reuse one instance per record. */
public final class DoubleValue implements Comparable<DoubleValue> {
    private double value;

    public DoubleValue() {
    }

    public DoubleValue(double value) {
        this.value = value;
    }

    public double get() {
        return value;
    }

    public DoubleValue set(double newValue) {
        value = newValue;
        return this;
    }

    @Override
    public int compareTo(DoubleValue other) {
        return Double.compare(value, other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DoubleValue that && Double.compare(value, that.value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
