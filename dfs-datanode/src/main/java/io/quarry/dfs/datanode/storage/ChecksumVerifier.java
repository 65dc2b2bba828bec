package io.quarry.dfs.datanode.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.checksum.ChunkChecksums;

/** Reads a replica's block and checksum files and finds how many leading bytes verify. */
public final class ChecksumVerifier {
    private static final int CHUNKS_PER_READ = 2048;

    /** Throttles verification: called with the bytes just verified. */
    public interface Throttle {
        void consumed(long bytes) throws InterruptedException;
    }

    /**
     * The outcome: {@code verifiedLength} leading bytes match their checksums; {@code fileLength}
     * is the block file's length; {@code badOffset} is where the first mismatch is, or -1.
     */
    public record Result(long verifiedLength, long fileLength, long badOffset, String detail) {
        public boolean isClean() {
            return badOffset < 0 && verifiedLength == fileLength;
        }
    }

    private ChecksumVerifier() {
    }

    public static Result verify(Path blockFile, Path metaFile, Throttle throttle) throws IOException, InterruptedException {
        try (FileChannel data = FileChannel.open(blockFile, StandardOpenOption.READ);
             FileChannel meta = FileChannel.open(metaFile, StandardOpenOption.READ)) {
            int bytesPerChecksum = MetaFile.readHeader(meta, metaFile);
            long fileLength = data.size();
            long chunksInMeta = Math.max(0, (meta.size() - MetaFile.HEADER_SIZE) / ChunkChecksums.CHECKSUM_SIZE);
            long limit = Math.min(fileLength, chunksInMeta * bytesPerChecksum);
            ByteBuffer dataBuffer = ByteBuffer.allocateDirect(CHUNKS_PER_READ * bytesPerChecksum);
            ByteBuffer sums = ByteBuffer.allocate(CHUNKS_PER_READ * ChunkChecksums.CHECKSUM_SIZE);
            CRC32C crc = new CRC32C();
            long position = 0;
            while (position < limit) {
                int want = (int) Math.min(dataBuffer.capacity(), limit - position);
                dataBuffer.clear().limit(want);
                readFully(data, dataBuffer, position);
                int chunks = (want + bytesPerChecksum - 1) / bytesPerChecksum;
                sums.clear().limit(chunks * ChunkChecksums.CHECKSUM_SIZE);
                readFully(meta, sums, MetaFile.checksumPosition(position, bytesPerChecksum));
                for (int chunk = 0; chunk < chunks; chunk++) {
                    int start = chunk * bytesPerChecksum;
                    int length = Math.min(bytesPerChecksum, want - start);
                    crc.reset();
                    crc.update(dataBuffer.duplicate().position(start).limit(start + length));
                    int expected = sums.getInt(chunk * ChunkChecksums.CHECKSUM_SIZE);
                    if ((int) crc.getValue() != expected) {
                        long bad = position + start;
                        if (bad / bytesPerChecksum == chunksInMeta - 1) {
                            // the last checksum may cover a partial chunk followed by bytes no checksum covers yet
                            int prefix = matchingPrefix(dataBuffer, start, length, expected);
                            if (prefix > 0) {
                                return new Result(bad + prefix, fileLength, -1, "checksums cover only " + (bad + prefix) + " of "
                                        + fileLength + " bytes");
                            }
                        }
                        return new Result(bad, fileLength, bad, String.format("checksum mismatch at offset %d (expected %08x, got %08x)",
                                bad, expected, (int) crc.getValue()));
                    }
                }
                position += want;
                if (throttle != null) {
                    throttle.consumed(want);
                }
            }
            String detail = limit < fileLength ? "checksums cover only " + limit + " of " + fileLength + " bytes" : "";
            return new Result(limit, fileLength, -1, detail);
        }
    }

    private static int matchingPrefix(ByteBuffer data, int start, int length, int expected) {
        CRC32C crc = new CRC32C();
        for (int prefix = length - 1; prefix > 0; prefix--) {
            crc.reset();
            crc.update(data.duplicate().position(start).limit(start + prefix));
            if ((int) crc.getValue() == expected) {
                return prefix;
            }
        }
        return 0;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += read;
        }
        buffer.flip();
    }
}
