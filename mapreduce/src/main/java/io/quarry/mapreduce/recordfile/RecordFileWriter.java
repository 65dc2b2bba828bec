package io.quarry.mapreduce.recordfile;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import io.quarry.mapreduce.io.compress.Codecs;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * Writes a record file: the {@link RecordFileHeader}, then blocks of about {@code blockSize} raw
 * bytes. A block is the file's sync marker, the {@link BlockHeader} and the records, compressed
 * as a whole by the codec; each record is {@code [varint keyLength][varint valueLength][key][value]}
 * with keys and values encoded by {@link Serdes#forClass}. Because every block starts with the
 * sync marker, a reader can start anywhere and find the next block. Not thread-safe.
 */
public final class RecordFileWriter<K, V> implements Closeable {
    public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    private static final SecureRandom SYNC_SOURCE = new SecureRandom();

    private final OutputStream out;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final CompressionCodec codec;
    private final int blockSize;
    private final byte[] sync;
    private final OutputBuffer keyBuffer = new OutputBuffer();
    private final OutputBuffer valueBuffer = new OutputBuffer();
    private final OutputBuffer block;
    private final byte[] blockHeader = new byte[BlockHeader.SIZE];
    private byte[] stored = new byte[0];
    private int blockRecords;
    private long records;
    private boolean closed;

    /** Starts a record file on {@code out} (which the writer closes) by writing its header. */
    public RecordFileWriter(OutputStream out, Class<K> keyClass, Class<V> valueClass, CompressionCodec codec, int blockSize)
            throws IOException {
        this.out = requireNonNull(out, "out is null");
        this.keySerde = Serdes.forClass(requireNonNull(keyClass, "keyClass is null"));
        this.valueSerde = Serdes.forClass(requireNonNull(valueClass, "valueClass is null"));
        this.codec = requireNonNull(codec, "codec is null");
        if (blockSize < 1) {
            throw new IllegalArgumentException("record file block size must be positive, got " + blockSize);
        }
        this.blockSize = blockSize;
        this.block = new OutputBuffer(Math.min(blockSize, DEFAULT_BLOCK_SIZE) + 1024);
        this.sync = new byte[RecordFileHeader.SYNC_SIZE];
        SYNC_SOURCE.nextBytes(sync);
        System.arraycopy(sync, 0, blockHeader, 0, sync.length);
        OutputBuffer header = new OutputBuffer(256);
        new RecordFileHeader(keyClass.getName(), valueClass.getName(), codec.name(), sync).writeTo(header);
        out.write(header.bytes(), 0, header.length());
    }

    public void append(K key, V value) throws IOException {
        keyBuffer.reset();
        keySerde.write(key, keyBuffer);
        valueBuffer.reset();
        valueSerde.write(value, valueBuffer);
        appendRaw(keyBuffer.bytes(), 0, keyBuffer.length(), valueBuffer.bytes(), 0, valueBuffer.length());
    }

    /** Appends a record already serialized with the key and value classes' serdes. */
    public void appendRaw(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
            throws IOException {
        if (closed) {
            throw new IOException("record file writer is closed");
        }
        block.writeVarInt(keyLength);
        block.writeVarInt(valueLength);
        block.write(key, keyOffset, keyLength);
        block.write(value, valueOffset, valueLength);
        blockRecords++;
        records++;
        if (block.length() >= blockSize) {
            writeBlock();
        }
    }

    /** Records appended so far. */
    public long records() {
        return records;
    }

    private void writeBlock() throws IOException {
        int rawLength = block.length();
        byte[] data;
        int storedLength;
        if (codec == Codecs.NONE) {
            data = block.bytes();
            storedLength = rawLength;
        } else {
            int bound = codec.maxCompressedLength(rawLength);
            if (stored.length < bound) {
                stored = new byte[bound];
            }
            storedLength = codec.compress(block.bytes(), 0, rawLength, stored, 0);
            data = stored;
        }
        int fields = RecordFileHeader.SYNC_SIZE;
        BlockHeader.putInt(blockHeader, fields, blockRecords);
        BlockHeader.putInt(blockHeader, fields + 4, rawLength);
        BlockHeader.putInt(blockHeader, fields + 8, storedLength);
        BlockHeader.putInt(blockHeader, fields + 12, BlockHeader.checksum(blockHeader, fields, data, storedLength));
        out.write(blockHeader, 0, blockHeader.length);
        out.write(data, 0, storedLength);
        block.reset();
        blockRecords = 0;
    }

    /** Writes the last block and closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (blockRecords > 0) {
                writeBlock();
            }
        } finally {
            out.close();
        }
    }
}
