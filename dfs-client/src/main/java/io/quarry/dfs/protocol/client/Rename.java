package io.quarry.dfs.protocol.client;

/**
 * Atomically renames a file or directory. When {@code dst} is an existing directory the source
 * moves into it, as {@code mv} does. Answered with Ack; errors name the problem.
 */
public record Rename(String src, String dst) {
}
