package io.quarry.minicluster;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One block of a file: its name, length and the hosts of its live replicas, as the NameNode reports them. */
public record BlockReplicas(String block, long length, List<String> hosts) {
    public BlockReplicas {
        requireNonNull(block, "block is null");
        if (length < 0) {
            throw new IllegalArgumentException("length of " + block + " must not be negative, got " + length);
        }
        hosts = List.copyOf(hosts);
    }
}
