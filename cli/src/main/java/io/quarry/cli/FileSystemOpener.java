package io.quarry.cli;

import java.io.IOException;
import java.net.URI;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;

/** Opens the filesystem of a URI; the CLI uses {@link FileSystem#get(URI, Configuration)}, tests may pass their own. */
@FunctionalInterface
public interface FileSystemOpener {
    FileSystem open(URI uri, Configuration conf) throws IOException;

    static FileSystemOpener standard() {
        return FileSystem::get;
    }
}
