package io.quarry.dfs.datanode.transfer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;
import io.quarry.dfs.checksum.ChunkChecksums;

/** Verifies a packet's chunks against its checksums over one NIO view of the data (no per-chunk objects). */
final class PacketVerifier {
    private PacketVerifier() {
    }

    /** Index of the first chunk whose checksum does not match, or -1. */
    static int firstMismatch(ByteBuf data, ByteBuf checksums, int bytesPerChecksum) {
        if (data.nioBufferCount() != 1) {
            return ChunkChecksums.firstMismatch(data, checksums, bytesPerChecksum);
        }
        ByteBuffer view = data.nioBuffer();
        int base = view.position();
        int end = view.limit();
        CRC32C crc = new CRC32C();
        int checksumIndex = checksums.readerIndex();
        int chunk = 0;
        for (int position = base; position < end; position += bytesPerChecksum, chunk++) {
            if (checksumIndex + ChunkChecksums.CHECKSUM_SIZE > checksums.writerIndex()) {
                return chunk;
            }
            view.limit(Math.min(end, position + bytesPerChecksum)).position(position);
            crc.reset();
            crc.update(view);
            if ((int) crc.getValue() != checksums.getInt(checksumIndex)) {
                return chunk;
            }
            checksumIndex += ChunkChecksums.CHECKSUM_SIZE;
        }
        return -1;
    }
}
