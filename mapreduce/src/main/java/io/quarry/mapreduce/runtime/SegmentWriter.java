package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes a file of consecutive segments, one per partition (spills, map output, merge passes).
 *
 * <p>Segment format. The raw bytes of a segment are its records, each
 * {@code [varint keyLength + 1][varint valueLength][key bytes][value bytes]}, followed by the end
 * marker, a single varint {@code 0}. Varints are unsigned, 7 bits per byte, low bits first, high
 * bit set on every byte but the last. An empty segment is just the end marker.
 *
 * <p>With codec {@code none} the stored bytes are the raw bytes. With a compression codec the raw
 * bytes are cut into blocks of at most {@link #BLOCK_SIZE} bytes and each block is stored as
 * {@code [int rawLength][int storedLength][storedLength compressed bytes]} (big-endian ints); a
 * segment's blocks never continue into the next segment. Each segment's offset, raw length,
 * stored length and CRC32C of the stored bytes go into an {@link IndexEntry}.
 */
public final class SegmentWriter implements Closeable {
    /** Raw bytes per compressed block, and the size of the write buffer. */
    public static final int BLOCK_SIZE = 128 * 1024;
    static final int BLOCK_HEADER = 8;

    private final Path file;
    private final CompressionCodec codec;
    private final boolean compressing;
    private final OutputStream out;
    private final byte[] block = new byte[BLOCK_SIZE];
    private final byte[] compressed;
    private final CRC32C crc = new CRC32C();
    private final List<IndexEntry> entries = new ArrayList<>();
    private int blockLength;
    private long fileOffset;
    private long segmentStart;
    private long segmentRaw;
    private long records;
    private boolean closed;

    public SegmentWriter(Path file, CompressionCodec codec) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.compressing = !codec.name().equals("none");
        this.compressed = compressing ? new byte[BLOCK_HEADER + codec.maxCompressedLength(BLOCK_SIZE)] : null;
        this.out = Files.newOutputStream(file);
    }

    public Path file() {
        return file;
    }

    public CompressionCodec codec() {
        return codec;
    }

    /** Records appended so far, over all segments. */
    public long records() {
        return records;
    }

    /** Appends one record to the current segment. */
    public void append(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
            throws IOException {
        if (BLOCK_SIZE - blockLength < 10) {
            flushBlock();
        }
        int p = blockLength;
        p = putVarInt(block, p, keyLength + 1);
        p = putVarInt(block, p, valueLength);
        segmentRaw += p - blockLength;
        blockLength = p;
        put(key, keyOffset, keyLength);
        put(value, valueOffset, valueLength);
        records++;
    }

    /** Ends the current segment and returns where it lies; the next append starts the next one. */
    public IndexEntry finishSegment() throws IOException {
        if (blockLength == BLOCK_SIZE) {
            flushBlock();
        }
        block[blockLength++] = 0;
        segmentRaw++;
        flushBlock();
        IndexEntry entry = new IndexEntry(segmentStart, segmentRaw, fileOffset - segmentStart, crc.getValue());
        entries.add(entry);
        crc.reset();
        segmentStart = fileOffset;
        segmentRaw = 0;
        return entry;
    }

    /** The entries of the finished segments, in order. */
    public List<IndexEntry> entries() {
        return List.copyOf(entries);
    }

    /** Length of the file so far. */
    public long length() {
        return fileOffset;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    private void put(byte[] source, int offset, int length) throws IOException {
        segmentRaw += length;
        while (length > 0) {
            int n = Math.min(length, BLOCK_SIZE - blockLength);
            System.arraycopy(source, offset, block, blockLength, n);
            blockLength += n;
            offset += n;
            length -= n;
            if (blockLength == BLOCK_SIZE) {
                flushBlock();
            }
        }
    }

    private void flushBlock() throws IOException {
        if (blockLength == 0) {
            return;
        }
        if (compressing) {
            int n = codec.compress(block, 0, blockLength, compressed, BLOCK_HEADER);
            putInt(compressed, 0, blockLength);
            putInt(compressed, 4, n);
            writeStored(compressed, BLOCK_HEADER + n);
        } else {
            writeStored(block, blockLength);
        }
        blockLength = 0;
    }

    private void writeStored(byte[] bytes, int length) throws IOException {
        crc.update(bytes, 0, length);
        out.write(bytes, 0, length);
        fileOffset += length;
    }

    static int putVarInt(byte[] b, int p, int value) {
        while ((value & ~0x7F) != 0) {
            b[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        return p;
    }

    static void putInt(byte[] b, int p, int value) {
        b[p] = (byte) (value >>> 24);
        b[p + 1] = (byte) (value >>> 16);
        b[p + 2] = (byte) (value >>> 8);
        b[p + 3] = (byte) value;
    }

    static int getInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
