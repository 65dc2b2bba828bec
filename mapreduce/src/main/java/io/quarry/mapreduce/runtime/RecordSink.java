package io.quarry.mapreduce.runtime;

import java.io.IOException;

/** Where a task context's records go: the sort buffer, a spill, or the job's record writer. */
@FunctionalInterface
interface RecordSink<K, V> {
    void write(K key, V value) throws IOException, InterruptedException;
}
