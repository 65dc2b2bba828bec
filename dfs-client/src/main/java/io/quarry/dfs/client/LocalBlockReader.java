package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;

/**
 * A short-circuit read: reads a finalized replica's block and checksum files directly, on the
 * calling thread, after the DataNode on this host said where they are. Each step reads up to
 * 256 KiB of whole chunks into one direct buffer, verifies their CRC32C checksums there and
 * copies the bytes into the caller's array: one copy out of the page cache and no socket, no
 * DataNode thread and no hand-off.
 */
final class LocalBlockReader extends BufferedReplicaReader {
    private static final int STEP_SIZE = 256 * 1024;

    private final Block block;
    private final Path blockPath;
    private final FileChannel data;
    private final FileChannel meta;
    private final int bytesPerChecksum;
    private final long end;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer checksums;
    private ByteBuf stepBuf;
    private long nextOffset;
    private long skip;
    private boolean closed;

    private LocalBlockReader(DatanodeId node, Block block, Path blockPath, FileChannel data, FileChannel meta, int bytesPerChecksum,
                             long offset, long length, long replicaLength, ByteBufAllocator allocator) {
        super(node);
        this.block = requireNonNull(block, "block is null");
        this.blockPath = requireNonNull(blockPath, "blockPath is null");
        this.data = requireNonNull(data, "data is null");
        this.meta = requireNonNull(meta, "meta is null");
        this.bytesPerChecksum = bytesPerChecksum;
        this.nextOffset = offset - offset % bytesPerChecksum;
        this.skip = offset - nextOffset;
        expect(length);
        long chunkEnd = (offset + length + bytesPerChecksum - 1) / bytesPerChecksum * bytesPerChecksum;
        this.end = Math.min(replicaLength, chunkEnd);
        int stepSize = Math.max(bytesPerChecksum, STEP_SIZE - STEP_SIZE % bytesPerChecksum);
        this.stepBuf = allocator.directBuffer(stepSize);
        this.checksums = ByteBuffer.allocate(ChunkChecksums.checksumLength(stepSize, bytesPerChecksum));
    }

    /**
     * Opens the files the DataNode named for [offset, offset + length) of the block. An
     * {@link IOException} means this replica cannot be read locally (the files are gone or not
     * readable by this user, or too short); the caller then reads it over the socket.
     */
    static LocalBlockReader open(ByteBufAllocator allocator, DatanodeId node, Block block, Path blockPath, Path metaPath,
                                 long replicaLength, long offset, long length) throws IOException {
        if (replicaLength < offset + length) {
            throw new IOException("replica holds " + replicaLength + " bytes, fewer than the " + (offset + length) + " needed");
        }
        FileChannel data = FileChannel.open(blockPath, StandardOpenOption.READ);
        FileChannel meta = null;
        try {
            meta = FileChannel.open(metaPath, StandardOpenOption.READ);
            int bytesPerChecksum = MetaFile.readHeader(meta, metaPath);
            if (data.size() < replicaLength) {
                throw new IOException(blockPath + " holds " + data.size() + " bytes, fewer than the replica's " + replicaLength);
            }
            if (meta.size() < MetaFile.length(replicaLength, bytesPerChecksum)) {
                throw new IOException(metaPath + " holds " + meta.size() + " bytes, fewer than the "
                        + MetaFile.length(replicaLength, bytesPerChecksum) + " the replica's checksums need");
            }
            return new LocalBlockReader(node, block, blockPath, data, meta, bytesPerChecksum, offset, length, replicaLength, allocator);
        } catch (IOException | RuntimeException e) {
            data.close();
            if (meta != null) {
                meta.close();
            }
            throw e;
        }
    }

    /** Reads and verifies the next step of whole chunks; returns it from the first byte to return. */
    @Override
    ByteBuffer nextBuffer() throws ReplicaReadException {
        int length = (int) Math.min(stepBuf.capacity(), end - nextOffset);
        if (length <= 0) {
            throw new ReplicaReadException(node() + ": local replica of " + block + " ends at " + nextOffset + " with " + remaining()
                    + " bytes still expected", false, null);
        }
        ByteBuffer bytes = stepBuf.nioBuffer(0, length).clear();
        int checksumLength = ChunkChecksums.checksumLength(length, bytesPerChecksum);
        checksums.clear().limit(checksumLength);
        try {
            readFully(data, bytes, nextOffset);
            readFully(meta, checksums, MetaFile.checksumPosition(nextOffset, bytesPerChecksum));
        } catch (IOException e) {
            throw new ReplicaReadException(node() + ": cannot read the local replica " + blockPath + " of " + block + " at offset "
                    + nextOffset + ": " + e.getMessage(), false, e);
        }
        bytes.flip();
        checksums.flip();
        int mismatch = ChunkChecksums.firstMismatch(bytes, checksums, bytesPerChecksum, crc);
        if (mismatch >= 0) {
            throw new ReplicaReadException(node() + ": checksum mismatch in " + block + " at offset "
                    + (nextOffset + (long) mismatch * bytesPerChecksum) + " of the local replica " + blockPath + " ("
                    + ChunkChecksums.describeMismatch(Unpooled.wrappedBuffer(bytes.duplicate()),
                            Unpooled.wrappedBuffer(checksums.duplicate()), bytesPerChecksum, mismatch) + ")", true, null);
        }
        nextOffset += length;
        if (skip > 0) {
            bytes.position((int) skip);
            skip = 0;
        }
        return bytes;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("file ends at " + at);
            }
            at += n;
        }
    }

    @Override
    public void finish() {
        abort();
    }

    /** Nothing to tell: the DataNode is not part of this read; the caller reports to the NameNode. */
    @Override
    public void reportChecksumError() {
        abort();
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        dropBuffer();
        stepBuf.release();
        stepBuf = null;
        closeQuietly(data);
        closeQuietly(meta);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only; nothing to lose
        }
    }
}
