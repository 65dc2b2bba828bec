package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.input.InputSplit;
import java.util.List;
import java.util.function.LongFunction;

/** A test split whose records are computed from their index: {@code count} records named {@code name}. */
record GeneratedSplit(String name, long count, LongFunction<Object[]> records) implements InputSplit {

    /** A split over a fixed list of key-value pairs. */
    static GeneratedSplit of(String name, List<Object[]> pairs) {
        return new GeneratedSplit(name, pairs.size(), i -> pairs.get((int) i));
    }

    @Override
    public long length() {
        return count;
    }

    @Override
    public List<String> locations() {
        return List.of();
    }
}
