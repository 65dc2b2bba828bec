package io.quarry.mapreduce.recordfile;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the records of the blocks of a record file whose sync marker starts inside
 * {@code [start, start + length)}: a reader starting inside the file scans forward to the next
 * sync marker, so splits cut anywhere read every block exactly once. Every block's checksum is
 * verified; damage fails with a {@link CorruptRecordFileException} naming the file and the offset.
 * Key and value objects are reused when their types are mutable. Not thread-safe.
 */
public final class RecordFileReader<K, V> implements Closeable {
    private static final int HEADER_PROBE = 16 * 1024;
    private static final int SCAN_CHUNK = 64 * 1024;
    private static final int SYNC = RecordFileHeader.SYNC_SIZE;

    private final SeekableInputStream in;
    private final Path file;
    private final long start;
    private final long end;
    private final long fileLength;
    private final RecordFileHeader header;
    private final byte[] sync;
    private final CompressionCodec codec;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final Counter bytesRead;
    private final byte[] blockHeader = new byte[BlockHeader.SIZE];
    private long streamPosition = -1;
    private byte[] stored = new byte[0];
    private byte[] raw = new byte[0];
    private long nextBlock;
    private long currentBlock = -1;
    private int rawLength;
    private int recordPosition;
    private int recordsLeft;
    private int recordIndex;
    private boolean done;
    private K key;
    private V value;

    /**
     * Opens the part {@code [start, start + length)} of {@code file}, read through {@code in}
     * (which the reader closes); key and value classes load through {@code loader}.
     */
    public RecordFileReader(SeekableInputStream in, Path file, long start, long length, ClassLoader loader, Counter bytesRead)
            throws IOException {
        this.in = requireNonNull(in, "in is null");
        this.file = requireNonNull(file, "file is null");
        this.bytesRead = requireNonNull(bytesRead, "bytesRead is null");
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("bad range of " + file + ": start " + start + ", length " + length);
        }
        this.start = start;
        this.end = start + length;
        this.fileLength = in.length();
        byte[] probe = new byte[(int) Math.min(HEADER_PROBE, fileLength)];
        readFully(0, probe, probe.length);
        this.header = RecordFileHeader.parse(probe, probe.length, file);
        this.sync = header.syncBytes();
        this.codec = codec(header.codecName());
        this.keySerde = Serdes.forClass(loadClass(header.keyClassName(), loader, "keys"));
        this.valueSerde = Serdes.forClass(loadClass(header.valueClassName(), loader, "values"));
        long headerEnd = header.length();
        this.nextBlock = start <= headerEnd ? headerEnd : findSync(start);
    }

    public RecordFileHeader header() {
        return header;
    }

    public Class<K> keyClass() {
        return keySerde.type();
    }

    public Class<V> valueClass() {
        return valueSerde.type();
    }

    /** Advances to the next record of the range; false at its end. */
    public boolean next() throws IOException {
        while (recordsLeft == 0) {
            if (currentBlock >= 0 && recordPosition != rawLength) {
                throw new CorruptRecordFileException(file, currentBlock, "block holds " + (rawLength - recordPosition)
                        + " bytes after its last record");
            }
            if (!loadBlock()) {
                done = true;
                return false;
            }
        }
        int keyLength = readVarInt();
        int valueLength = readVarInt();
        if (keyLength < 0 || valueLength < 0 || (long) recordPosition + keyLength + valueLength > rawLength) {
            throw new CorruptRecordFileException(file, currentBlock, "record " + recordIndex + " of the block overruns it");
        }
        key = keySerde.read(raw, recordPosition, keyLength, key);
        recordPosition += keyLength;
        value = valueSerde.read(raw, recordPosition, valueLength, value);
        recordPosition += valueLength;
        recordsLeft--;
        recordIndex++;
        return true;
    }

    public K key() {
        return key;
    }

    public V value() {
        return value;
    }

    /** Share of the range consumed, by the blocks read. */
    public float progress() {
        if (done) {
            return 1f;
        }
        if (end == start || currentBlock < 0) {
            return 0f;
        }
        return Math.min(1f, Math.max(0f, (float) (currentBlock - start) / (end - start)));
    }

    /** The block of the current record, for error messages. */
    public String position() {
        return file + " at byte offset " + Math.max(currentBlock, 0) + " (record " + Math.max(recordIndex - 1, 0)
                + " of the block there)";
    }

    private boolean loadBlock() throws IOException {
        if (nextBlock < 0 || nextBlock >= end || nextBlock >= fileLength) {
            return false;
        }
        long at = nextBlock;
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
        currentBlock = at;
        nextBlock = at + BlockHeader.SIZE + storedSize;
        rawLength = rawSize;
        recordPosition = 0;
        recordsLeft = count;
        recordIndex = 0;
        return true;
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

    private int readVarInt() throws CorruptRecordFileException {
        int result = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            if (recordPosition >= rawLength) {
                break;
            }
            byte b = raw[recordPosition++];
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new CorruptRecordFileException(file, currentBlock, "bad record length in record " + recordIndex + " of the block");
    }

    /** The offset of the first sync marker at or after {@code from} that starts before the range's end, or -1. */
    private long findSync(long from) throws IOException {
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

    private void readFully(long position, byte[] buffer, int length) throws IOException {
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

    private CompressionCodec codec(String name) throws IOException {
        try {
            return Codecs.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("Record file " + file + " is compressed with " + name + ", which this build cannot read: "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Class<T> loadClass(String name, ClassLoader loader, String role) throws IOException {
        try {
            return (Class<T>) Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IOException("Record file " + file + " holds " + role + " of class " + name
                    + ", which is not on the classpath (is it in the job jar?)", e);
        }
    }

    @Override
    public void close() throws IOException {
        done = true;
        in.close();
    }
}
