package io.quarry.sql.runtime;

import java.util.List;

import io.quarry.mapreduce.input.InputSplit;

/** A split of input {@code input} of a stage; {@code split} is null for constant rows. */
public record TaggedSplit(int input, InputSplit split) implements InputSplit {
    @Override
    public long length() {
        return split == null ? 0 : split.length();
    }

    @Override
    public List<String> locations() {
        return split == null ? List.of() : split.locations();
    }

    @Override
    public String toString() {
        return "input " + input + (split == null ? " (constant rows)" : ": " + split);
    }
}
