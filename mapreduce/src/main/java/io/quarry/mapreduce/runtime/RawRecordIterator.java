package io.quarry.mapreduce.runtime;

import java.io.Closeable;
import java.io.IOException;

/**
 * Serialized records in key order, one at a time: what sorting, merging and the reduce side pass
 * around. The arrays returned may be reused after the next call to {@link #next()}.
 */
public interface RawRecordIterator extends Closeable {

    /** Moves to the next record; false at the end. */
    boolean next() throws IOException;

    byte[] keyBytes();

    int keyOffset();

    int keyLength();

    byte[] valueBytes();

    int valueOffset();

    int valueLength();
}
