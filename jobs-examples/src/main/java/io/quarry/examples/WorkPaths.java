package io.quarry.examples;

import io.quarry.dfs.Path;
import java.util.UUID;

/** Where a driver keeps intermediate data next to its output. */
public final class WorkPaths {
    private WorkPaths() {
    }

    /**
     * A fresh hidden path beside {@code output} ({@code .NAME-WHAT-UUID}, in the same directory and
     * on the same filesystem), so tasks on any node can read it and input listings skip it.
     */
    public static Path hiddenSibling(Path output, String what) {
        String name = "." + output.name() + "-" + what + "-" + UUID.randomUUID();
        Path parent = output.parent();
        return parent == null ? new Path(name) : new Path(parent, name);
    }
}
