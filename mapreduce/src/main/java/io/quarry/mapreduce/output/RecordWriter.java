package io.quarry.mapreduce.output;

import java.io.Closeable;
import java.io.IOException;

/** Writes a task's output records; closing makes them durable in the attempt's work directory. */
public interface RecordWriter<K, V> extends Closeable {

    void write(K key, V value) throws IOException;
}
