package io.quarry.mapreduce.io;

/** No data: the key or value of jobs that need only the other half. Serializes to zero bytes. */
public final class NullValue implements Comparable<NullValue> {
    public static final NullValue INSTANCE = new NullValue();

    private NullValue() {
    }

    public static NullValue get() {
        return INSTANCE;
    }

    @Override
    public int compareTo(NullValue other) {
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NullValue;
    }

    /** Fixed, so every process sends NullValue keys to the same partition. */
    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "(null)";
    }
}
