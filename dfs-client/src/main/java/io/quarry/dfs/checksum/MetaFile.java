package io.quarry.dfs.checksum;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Layout of a replica's checksum file {@code blk_<id>_<genstamp>.meta}: a 12-byte header
 * ({@code int magic, short version, short checksum type, int bytesPerChecksum}) followed by one
 * 4-byte big-endian CRC32C per chunk, contiguous, so a read sends checksum bytes straight from it.
 * Shared by DataNodes, which write and serve it, and clients, which read it directly on a
 * short-circuit local read.
 */
public final class MetaFile {
    public static final int MAGIC = 0x514D4554; // "QMET"
    public static final short VERSION = 1;
    public static final short TYPE_CRC32C = 1;
    public static final int HEADER_SIZE = 12;

    private MetaFile() {
    }

    /** Position in the meta file of the checksum of the chunk starting at {@code blockOffset} (chunk aligned). */
    public static long checksumPosition(long blockOffset, int bytesPerChecksum) {
        return HEADER_SIZE + blockOffset / bytesPerChecksum * ChunkChecksums.CHECKSUM_SIZE;
    }

    /** Expected meta file length for a block of {@code blockLength} bytes. */
    public static long length(long blockLength, int bytesPerChecksum) {
        return HEADER_SIZE + (long) ChunkChecksums.checksumLength(blockLength, bytesPerChecksum);
    }

    public static void writeHeader(FileChannel channel, int bytesPerChecksum) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        header.putInt(MAGIC).putShort(VERSION).putShort(TYPE_CRC32C).putInt(bytesPerChecksum).flip();
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
    }

    /** Reads and checks the header; returns bytesPerChecksum. */
    public static int readHeader(FileChannel channel, Path file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                throw new IOException("Checksum file " + file + " is shorter than its " + HEADER_SIZE + "-byte header");
            }
        }
        header.flip();
        int magic = header.getInt();
        short version = header.getShort();
        short type = header.getShort();
        int bytesPerChecksum = header.getInt();
        if (magic != MAGIC || version != VERSION || type != TYPE_CRC32C || bytesPerChecksum <= 0 || bytesPerChecksum > 1 << 20) {
            throw new IOException(String.format("Checksum file %s has a bad header (magic %08x, version %d, type %d, bytesPerChecksum %d)",
                    file, magic, version, type, bytesPerChecksum));
        }
        return bytesPerChecksum;
    }
}
