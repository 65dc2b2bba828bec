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
import java.io.IOException;

/**
 * Reads the records of the blocks of a record file whose sync marker starts inside
 * {@code [start, start + length)}: a reader starting inside the file scans forward to the next
 * sync marker, so splits cut anywhere read every block exactly once. Every block's checksum is
 * verified; damage fails with a {@link CorruptRecordFileException} naming the file and the offset.
 * Key and value objects are reused when their types are mutable. Not thread-safe.
 */
public final class RecordFileReader<K, V> implements Closeable {
    private static final int HEADER_PROBE = 16 * 1024;

    private final BlockReader blocks;
    private final Path file;
    private final long start;
    private final long end;
    private final RecordFileHeader header;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private long nextBlock;
    private long currentBlock = -1;
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
        this.file = requireNonNull(file, "file is null");
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("bad range of " + file + ": start " + start + ", length " + length);
        }
        this.blocks = new BlockReader(in, file, bytesRead);
        this.start = start;
        this.end = start + length;
        byte[] probe = new byte[(int) Math.min(HEADER_PROBE, blocks.fileLength())];
        blocks.readFully(0, probe, probe.length);
        this.header = RecordFileHeader.parse(probe, probe.length, file);
        blocks.configure(header.syncBytes(), codec(header.codecName()));
        this.keySerde = Serdes.forClass(loadClass(header.keyClassName(), loader, "keys"));
        this.valueSerde = Serdes.forClass(loadClass(header.valueClassName(), loader, "values"));
        long headerEnd = header.length();
        this.nextBlock = start <= headerEnd ? headerEnd : blocks.findSync(start, end);
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
            if (currentBlock >= 0 && recordPosition != blocks.rawLength()) {
                throw new CorruptRecordFileException(file, currentBlock, "block holds " + (blocks.rawLength() - recordPosition)
                        + " bytes after its last record");
            }
            if (nextBlock < 0 || nextBlock >= end || nextBlock >= blocks.fileLength()) {
                done = true;
                return false;
            }
            blocks.readBlock(nextBlock);
            currentBlock = nextBlock;
            nextBlock = blocks.blockEnd();
            recordPosition = 0;
            recordsLeft = blocks.recordCount();
            recordIndex = 0;
        }
        byte[] raw = blocks.raw();
        int keyLength = readVarInt(raw);
        int valueLength = readVarInt(raw);
        if ((long) recordPosition + keyLength + valueLength > blocks.rawLength()) {
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

    private int readVarInt(byte[] raw) throws CorruptRecordFileException {
        int result = 0;
        for (int shift = 0; shift <= 28 && recordPosition < blocks.rawLength(); shift += 7) {
            byte b = raw[recordPosition++];
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (result < 0) {
                    break;
                }
                return result;
            }
        }
        throw new CorruptRecordFileException(file, currentBlock, "bad record length in record " + recordIndex + " of the block");
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
        blocks.close();
    }
}
