package io.quarry.minicluster;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** What a test scenario asks of a {@link QfsTestCluster}: whole-file writes and reads, block locations and node health. */
public interface QfsTestClient {

    /** Writes {@code data} to a new file at {@code path} (parents created), replacing nothing. */
    void write(String path, byte[] data) throws IOException;

    /** Reads the whole file at {@code path}. */
    byte[] read(String path) throws IOException;

    boolean exists(String path) throws IOException;

    /** Each block of the file in order, with the hosts of its live replicas. */
    List<BlockReplicas> blocks(String path) throws IOException;

    /** Whether fsck finds every block under {@code path} readable (none missing or corrupt). */
    boolean healthy(String path) throws IOException;

    /** Host names of the DataNodes the NameNode counts as live. */
    Set<String> liveDataNodes() throws IOException;

    /** Host names of the DataNodes the NameNode has declared dead. */
    Set<String> deadDataNodes() throws IOException;
}
