package io.quarry.dfs;

import java.io.IOException;
import java.util.List;

/** PLACEHOLDER: glob expansion. Replaced by the real implementation. */
final class Globber {
    private Globber() {
    }

    static List<FileStatus> expand(FileSystem fs, Path pattern) throws IOException {
        throw new UnsupportedOperationException("placeholder");
    }
}
