package io.quarry.mapreduce.runtime;

import java.nio.file.Path;
import java.util.Objects;

/** One spill of the map-side sort buffer: a partitioned segment file and its index. */
record SpillFile(Path file, MapOutputIndex index) {
    SpillFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(index, "index");
    }
}
