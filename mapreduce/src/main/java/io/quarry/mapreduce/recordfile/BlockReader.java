package io.quarry.mapreduce.recordfile;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Positioned reads of a record file's blocks: finds the next sync marker from any offset, and
 * reads, verifies (sync marker, lengths, CRC32C) and decompresses the block at an offset into a
 * reused buffer. Counts the bytes read. Not thread-safe.
 */
final class BlockReader {
    private static final int SCAN_CHUNK = 64 * 1024;
    private static final int SYNC = RecordFileHeader.SYNC_SIZE;

    private final SeekableInputStream in;
    private final Path file;
    private final long fileLength;
    private final Counter bytesRead;
    private final byte[] blockHeader = new byte[BlockHeader.SIZE];
    private long streamPosition = -1;
    private byte[] sync;
    private CompressionCodec codec;
    private byte[] stored = new byte[0];
    private byte[] raw = new byte[0];
    private int rawLength;
    private int recordCount;
    private long blockEnd;

    BlockReader(SeekableInputStream in, Path file, Counter bytesRead) throws IOException {
        this.in = requireNonNull(in, "in is null");
        this.file = requireNonNull(file, "file is null");
        this.bytesRead = requireNonNull(bytesRead, "bytesRead is null");
        this.fileLength = in.length();
    }

    /** Sets what blocks are checked and decompressed with, once the header is known. */
    void configure(byte[] syncMarker, CompressionCodec blockCodec) {
        this.sync = syncMarker.clone();
        this.codec = requireNonNull(blockCodec, "blockCodec is null");
    }

    long fileLength() {
        return fileLength;
    }

    /** The decompressed records of the last block read, valid in {@code [0, rawLength())}. */
    byte[] raw() {
        return raw;
    }

    int rawLength() {
        return rawLength;
    }

    int recordCount() {
        return recordCount;
    }

    /** Where the block after the last one read starts. */
    long blockEnd() {
        return blockEnd;
    }

    /** Reads, checks and decompresses the block whose sync marker starts at {@code at}. */
    void readBlock(long at) throws IOException {
        if (fileLength - at < BlockHeader.SIZE) {
            throw new CorruptRecordFileException(file, at, "truncated block header (" + (fileLength - at) + " bytes left)");
        }
        readFully(at, blockHeader, BlockHeader.SIZE);
        if (!Arrays.equals(blockHeader, 0, SYNC, sync, 0, SYNC)) {
            throw new CorruptRecordFileException(file, at, "expected the file's sync marker at the start of a block");
        }
        int count = BlockHeader.getInt(blockHeader, SYNC);
        int rawSize = BlockHeader.getInt(blockHeader, SYNC + 4);
        int storedSize = BlockHeader.getInt(blockHeader, SYNC + 8);
        int expectedCrc = BlockHeader.getInt(blockHeader, SYNC + 12);
        if (count < 1 || rawSize < 0 || storedSize < 0 || storedSize > fileLength - at - BlockHeader.SIZE) {
            throw new CorruptRecordFileException(file, at, "bad block header: " + count + " records, raw length " + rawSize
                    + ", stored length " + storedSize + ", " + (fileLength - at - BlockHeader.SIZE) + " bytes left in the file");
        }
        if (stored.length < storedSize) {
            stored = new byte[Math.max(storedSize, stored.length * 2)];
        }
        readFully(at + BlockHeader.SIZE, stored, storedSize);
        int actualCrc = BlockHeader.checksum(blockHeader, SYNC, stored, storedSize);
        if (actualCrc != expectedCrc) {
            throw new CorruptRecordFileException(file, at, String.format("block checksum mismatch (expected %08x, got %08x)",
                    expectedCrc, actualCrc));
        }
        decompress(at, storedSize, rawSize);
        rawLength = rawSize;
        recordCount = count;
        blockEnd = at + BlockHeader.SIZE + storedSize;
    }

    private void decompress(long at, int storedSize, int rawSize) throws CorruptRecordFileException {
        if (codec == Codecs.NONE) {
            if (storedSize != rawSize) {
                throw new CorruptRecordFileException(file, at, "uncompressed block stores " + storedSize + " bytes, expected " + rawSize);
            }
            byte[] swap = raw;
            raw = stored;
            stored = swap;
            return;
        }
        if (raw.length < rawSize) {
            raw = new byte[Math.max(rawSize, raw.length * 2)];
        }
        try {
            codec.decompress(stored, 0, storedSize, raw, 0, rawSize);
        } catch (RuntimeException e) {
            throw new CorruptRecordFileException(file, at, codec.name() + " block does not decompress: " + e.getMessage(), e);
        }
    }

    /** The offset of the first sync marker at or after {@code from} that starts before {@code end}, or -1. */
    long findSync(long from, long end) throws IOException {
        byte[] chunk = new byte[SCAN_CHUNK + SYNC - 1];
        long chunkOffset = from;
        int carried = 0;
        seek(from);
        while (true) {
            int n = read(chunk, carried, chunk.length - carried);
            if (n <= 0) {
                return -1;
            }
            int available = carried + n;
            int found = indexOf(chunk, available, sync);
            if (found >= 0) {
                return chunkOffset + found;
            }
            int keep = Math.min(SYNC - 1, available);
            if (chunkOffset + available - keep >= end) {
                return -1;
            }
            System.arraycopy(chunk, available - keep, chunk, 0, keep);
            chunkOffset += available - keep;
            carried = keep;
        }
    }

    private static int indexOf(byte[] bytes, int length, byte[] pattern) {
        byte first = pattern[0];
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    void readFully(long position, byte[] buffer, int length) throws IOException {
        seek(position);
        int done = 0;
        while (done < length) {
            int n = read(buffer, done, length - done);
            if (n < 0) {
                throw new CorruptRecordFileException(file, position + done, "file ends early",
                        new EOFException("expected " + (length - done) + " more bytes"));
            }
            done += n;
        }
    }

    private void seek(long position) throws IOException {
        if (position != streamPosition) {
            in.seek(position);
            streamPosition = position;
        }
    }

    private int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            streamPosition += n;
            bytesRead.increment(n);
        }
        return n;
    }

    void close() throws IOException {
        in.close();
    }
}
