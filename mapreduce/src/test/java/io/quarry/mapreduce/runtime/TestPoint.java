package io.quarry.mapreduce.runtime;

/** A user key type without a byte-ordered encoding: serialized by Kryo, sorted by compareTo. */
public final class TestPoint implements Comparable<TestPoint> {
    int x;
    String name;

    public TestPoint() {
    }

    TestPoint(int x, String name) {
        this.x = x;
        this.name = name;
    }

    @Override
    public int compareTo(TestPoint other) {
        int c = Integer.compare(x, other.x);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestPoint p && p.x == x && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * x + name.hashCode();
    }

    @Override
    public String toString() {
        return x + ":" + name;
    }
}
