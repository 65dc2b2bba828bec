package io.quarry.dfs.protocol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The blocks of a file that overlap a requested range, and whether the file is still being written. */
public record LocatedBlocks(long fileLength, boolean underConstruction, List<LocatedBlock> blocks) {
    public LocatedBlocks {
        blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
    }
}
