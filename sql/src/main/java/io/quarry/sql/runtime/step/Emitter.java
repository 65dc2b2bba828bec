package io.quarry.sql.runtime.step;

import java.io.IOException;

import io.quarry.mapreduce.io.BytesValue;

/** Where a task's terminal step sends records: the shuffle (key, value) or the output (value only, key ignored). */
@FunctionalInterface
public interface Emitter {
    void emit(BytesValue key, BytesValue value) throws IOException, InterruptedException;
}
