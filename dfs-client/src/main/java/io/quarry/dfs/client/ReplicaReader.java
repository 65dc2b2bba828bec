package io.quarry.dfs.client;

import io.quarry.dfs.protocol.DatanodeId;

/** Reads a range of one replica, verifying every checksum: over the socket or from the local files. */
interface ReplicaReader {
    DatanodeId node();

    /** Bytes of the requested range not yet returned. */
    long remaining();

    /** Copies up to {@code length} bytes into {@code buffer}; returns 0 only when the range is done. */
    int read(byte[] buffer, int offset, int length) throws ReplicaReadException;

    /** Ends a read whose range was fully returned. */
    void finish();

    /** Ends a read that found a checksum mismatch, telling the DataNode where it can. */
    void reportChecksumError();

    /** Ends the read and frees what it holds. */
    void abort();
}
