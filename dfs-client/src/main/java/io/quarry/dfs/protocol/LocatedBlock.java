package io.quarry.dfs.protocol;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A block with its offset in the file and the DataNodes holding it, closest to the caller first.
 * {@code corrupt} is true when every known replica is corrupt.
 */
public record LocatedBlock(Block block, long offset, List<DatanodeId> locations, boolean corrupt) {
    public LocatedBlock {
        requireNonNull(block, "block is null");
        locations = List.copyOf(requireNonNull(locations, "locations is null"));
    }
}
