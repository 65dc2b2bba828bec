package io.quarry.dfs.protocol.client;

/** Deletes a path; a non-empty directory needs {@code recursive}. Answered with {@link DeleteReply}. */
public record Delete(String path, boolean recursive) {
}
