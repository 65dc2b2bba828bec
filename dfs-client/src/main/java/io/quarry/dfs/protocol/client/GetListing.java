package io.quarry.dfs.protocol.client;

import io.quarry.common.rpc.Idempotent;

/**
 * One page of a directory listing, in name order, starting after {@code startAfter} (empty for the
 * first page). Answered with {@link DirectoryListing}. Listing a file returns the file itself.
 */
public record GetListing(String path, String startAfter) implements Idempotent {
}
