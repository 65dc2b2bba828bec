package io.quarry.mapreduce.input;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one split, one at a time; key and value objects may be reused. */
public interface RecordReader<K, V> extends Closeable {

    /** Advances to the next record; false at the end of the split. */
    boolean nextKeyValue() throws IOException;

    K currentKey();

    V currentValue();

    /** Share of the split consumed, 0 to 1. */
    float progress();

    /**
     * Where the current record came from, for error messages: the path and byte offset
     * ({@code "file:/logs/a.log at byte offset 1234"}) or whatever locates it.
     */
    default String position() {
        return "";
    }
}
