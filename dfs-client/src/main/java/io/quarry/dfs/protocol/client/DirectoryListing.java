package io.quarry.dfs.protocol.client;

import java.util.List;

import io.quarry.dfs.protocol.FileStatusInfo;

/** A page of entries; {@code remaining} counts entries after this page (0 on the last page). */
public record DirectoryListing(List<FileStatusInfo> entries, int remaining) {
    public DirectoryListing {
        entries = List.copyOf(entries);
    }
}
