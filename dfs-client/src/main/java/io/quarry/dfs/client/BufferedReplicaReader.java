package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;

import io.quarry.dfs.protocol.DatanodeId;

/**
 * A replica reader that gets its range in verified buffers, a packet or a file step at a time,
 * and copies them into the caller's arrays; subclasses say where the next buffer comes from.
 */
abstract class BufferedReplicaReader implements ReplicaReader {
    private final DatanodeId node;
    private long remaining;
    /** Verified bytes not yet returned, readable from position to limit. */
    private ByteBuffer current;

    BufferedReplicaReader(DatanodeId node) {
        this.node = requireNonNull(node, "node is null");
    }

    @Override
    public final DatanodeId node() {
        return node;
    }

    @Override
    public final long remaining() {
        return remaining;
    }

    /** Sets how many bytes the range holds. */
    final void expect(long length) {
        remaining = length;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws ReplicaReadException {
        int copied = 0;
        while (copied < length && remaining > 0) {
            if (current == null || !current.hasRemaining()) {
                current = nextBuffer();
                continue;
            }
            int n = (int) Math.min(Math.min(length - copied, current.remaining()), remaining);
            current.get(buffer, offset + copied, n);
            remaining -= n;
            copied += n;
        }
        return copied;
    }

    /**
     * The next verified bytes of the range, positioned at the first one to return; null or empty
     * when this step brought none. Called only while bytes of the range remain.
     */
    abstract ByteBuffer nextBuffer() throws ReplicaReadException;

    /** Forgets the current buffer (its memory is about to be freed). */
    final void dropBuffer() {
        current = null;
    }
}
