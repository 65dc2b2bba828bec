package io.quarry.dfs;

import java.io.IOException;
import java.net.URI;

import io.quarry.common.conf.Configuration;

/** PLACEHOLDER: opens a filesystem by scheme. Replaced by the real implementation. */
final class FileSystems {
    private FileSystems() {
    }

    static FileSystem open(URI uri, Configuration conf) throws IOException {
        throw new UnsupportedOperationException("placeholder");
    }
}
