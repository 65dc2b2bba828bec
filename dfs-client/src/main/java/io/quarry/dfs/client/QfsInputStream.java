package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.rpc.Ack;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.ReportBadBlocks;

/**
 * Reads a QFS file. Block locations are fetched lazily, about ten blocks at a time. Each block is
 * read from its first usable replica (from its files when it is on this host, see
 * {@link ShortCircuitReads}); a replica that fails (refused, closed, checksum mismatch)
 * is skipped and the read continues at the same offset on the next one. A corrupt replica is
 * reported to the NameNode. After every replica failed, locations are fetched again, up to
 * {@code dfs.client.max.block.acquire.failures} rounds.
 */
final class QfsInputStream extends SeekableInputStream {
    private static final Logger LOG = LoggerFactory.getLogger(QfsInputStream.class);
    private static final int PREFETCH_BLOCKS = 10;

    private final WriteContext context;
    private final String path;
    private final Set<DatanodeId> deadNodes = new HashSet<>();
    private List<LocatedBlock> blocks;
    private long fileLength;
    private long position;
    private ReplicaReader reader;
    private LocatedBlock readerBlock;
    private boolean closed;

    QfsInputStream(WriteContext context, String path) throws IOException {
        this.context = requireNonNull(context, "context is null");
        this.path = requireNonNull(path, "path is null");
        fetch(0);
    }

    private void fetch(long offset) throws IOException {
        long span = PREFETCH_BLOCKS * Math.max(1L << 20, blocks == null || blocks.isEmpty()
                ? defaultBlockSize() : blocks.get(0).block().numBytes());
        LocatedBlocks located = context.nameNode().call(new GetBlockLocations(path, offset, span, context.clientHost()),
                LocatedBlocks.class);
        blocks = located.blocks();
        fileLength = located.fileLength();
    }

    private long defaultBlockSize() {
        long configured = context.settings().blockSize();
        return configured > 0 ? configured : 128L << 20;
    }

    private LocatedBlock cached(long offset) {
        for (LocatedBlock block : blocks) {
            if (offset >= block.offset() && offset < block.offset() + block.block().numBytes()) {
                return block;
            }
        }
        return null;
    }

    private LocatedBlock locate(long offset) throws IOException {
        LocatedBlock block = cached(offset);
        if (block == null) {
            fetch(offset);
            block = cached(offset);
        }
        if (block == null) {
            throw new IOException("The NameNode knows no block of " + path + " at offset " + offset + " (file length " + fileLength + ")");
        }
        return block;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        ensureOpen();
        if (length == 0) {
            return 0;
        }
        if (position >= fileLength) {
            return -1;
        }
        int n = readFromReplicas(buffer, offset, length);
        position += n;
        if (reader != null && reader.remaining() == 0) {
            reader.finish();
            reader = null;
        }
        return n;
    }

    private int readFromReplicas(byte[] buffer, int offset, int length) throws IOException {
        List<String> errors = new ArrayList<>();
        int rounds = 0;
        while (true) {
            if (reader == null) {
                LocatedBlock block = locate(position);
                DatanodeId node = chooseReplica(block);
                if (node == null) {
                    rounds++;
                    if (rounds >= context.settings().maxBlockAcquireFailures()) {
                        throw new IOException("Could not read " + block.block() + " of " + path + " at offset " + position + ": "
                                + (errors.isEmpty() ? "no replica is known" : String.join("; ", errors)));
                    }
                    LOG.info("Every replica of {} of {} failed; fetching locations again (round {})", block.block(), path, rounds + 1);
                    deadNodes.clear();
                    pause(200L * rounds);
                    fetch(position);
                    continue;
                }
                long blockEnd = Math.min(block.offset() + block.block().numBytes(), fileLength);
                try {
                    reader = openReader(node, block, blockEnd);
                    readerBlock = block;
                } catch (ReplicaReadException e) {
                    errors.add(e.getMessage());
                    deadNodes.add(node);
                    continue;
                }
            }
            try {
                int n = reader.read(buffer, offset, length);
                if (n > 0) {
                    return n;
                }
                reader.finish();
                reader = null;
            } catch (ReplicaReadException e) {
                errors.add(e.getMessage());
                DatanodeId node = reader.node();
                deadNodes.add(node);
                if (e.corrupt()) {
                    reader.reportChecksumError();
                    reportBadReplica(readerBlock, node, e);
                } else {
                    reader.abort();
                }
                reader = null;
            }
        }
    }

    /** Reads the replica on {@code node} from its files if it is on this host, otherwise over the socket. */
    private ReplicaReader openReader(DatanodeId node, LocatedBlock block, long blockEnd) throws ReplicaReadException {
        long offset = position - block.offset();
        long length = blockEnd - position;
        long timeoutMillis = context.settings().socketTimeout().toMillis();
        ReplicaReader local = context.shortCircuitReads().open(node, block.block(), offset, length, context.clientName(), timeoutMillis);
        return local != null ? local
                : BlockReader.open(context.allocator(), node, block.block(), offset, length, context.clientName(), timeoutMillis,
                        context.settings().readReceiveBuffer());
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while waiting to read again");
        }
    }

    private DatanodeId chooseReplica(LocatedBlock block) {
        for (DatanodeId node : block.locations()) {
            if (!deadNodes.contains(node)) {
                return node;
            }
        }
        return null;
    }

    private void reportBadReplica(LocatedBlock block, DatanodeId node, ReplicaReadException cause) {
        LOG.warn("Reporting corrupt replica of {} of {} on {}: {}", block.block(), path, node, cause.getMessage());
        try {
            context.nameNode().call(new ReportBadBlocks(List.of(new LocatedBlock(block.block(), block.offset(), List.of(node), false))),
                    Ack.class);
        } catch (IOException e) {
            LOG.warn("Cannot report the corrupt replica of {} on {} to the NameNode: {}", block.block(), node, e.getMessage());
        }
    }

    @Override
    public synchronized long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        long target = Math.min(fileLength, position + n);
        long skipped = target - position;
        seek(target);
        return skipped;
    }

    @Override
    public synchronized int available() throws IOException {
        ensureOpen();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, fileLength - position));
    }

    @Override
    public synchronized void seek(long target) throws IOException {
        ensureOpen();
        if (target < 0) {
            throw new EOFException("Cannot seek " + path + " to negative offset " + target);
        }
        if (target > fileLength) {
            throw new EOFException("Cannot seek " + path + " to offset " + target + " beyond its length " + fileLength);
        }
        if (target == position) {
            return;
        }
        closeReader();
        position = target;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized long length() {
        return fileLength;
    }

    private void closeReader() {
        if (reader != null) {
            reader.abort();
            reader = null;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream for " + path + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeReader();
    }
}
