package io.quarry.examples.tera;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.BytesValue;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the 100-byte records of a split: the records that start inside it, the first at the
 * split's start rounded up to a multiple of 100, so splits cut anywhere read each record once.
 */
final class TeraRecordReader implements RecordReader<BytesValue, BytesValue> {
    private static final int BUFFER_RECORDS = 1 << 12;

    private final Path path;
    private final FileSystem fs;
    private final SeekableInputStream in;
    private final long firstRecord;
    private final long end;
    private final byte[] buffer = new byte[BUFFER_RECORDS * TeraRecords.RECORD_LENGTH];
    private final BytesValue key = new BytesValue();
    private final BytesValue value = new BytesValue();
    private int bufferEnd;
    private int bufferPos;
    private long position;

    TeraRecordReader(FileSplit split, Configuration conf) throws IOException {
        this.path = split.path();
        this.fs = FileSystem.get(path, conf);
        long length = fs.getFileStatus(path).length();
        if (length % TeraRecords.RECORD_LENGTH != 0) {
            throw new IOException("TeraSort file " + path + " has " + length + " bytes, not a multiple of "
                    + TeraRecords.RECORD_LENGTH);
        }
        long rounded = (split.start() + TeraRecords.RECORD_LENGTH - 1) / TeraRecords.RECORD_LENGTH * TeraRecords.RECORD_LENGTH;
        this.firstRecord = rounded;
        this.end = Math.min(length, (split.end() + TeraRecords.RECORD_LENGTH - 1) / TeraRecords.RECORD_LENGTH * TeraRecords.RECORD_LENGTH);
        this.position = rounded;
        this.in = fs.openSeekable(path);
        if (rounded < end) {
            in.seek(rounded);
        }
    }

    @Override
    public boolean nextKeyValue() throws IOException {
        if (position >= end) {
            return false;
        }
        if (bufferPos == bufferEnd) {
            fill();
        }
        key.set(buffer, bufferPos, TeraRecords.KEY_LENGTH);
        value.set(buffer, bufferPos + TeraRecords.KEY_LENGTH, TeraRecords.VALUE_LENGTH);
        bufferPos += TeraRecords.RECORD_LENGTH;
        position += TeraRecords.RECORD_LENGTH;
        return true;
    }

    private void fill() throws IOException {
        int want = (int) Math.min(buffer.length, end - position);
        int read = 0;
        while (read < want) {
            int n = in.read(buffer, read, want - read);
            if (n < 0) {
                throw new EOFException("TeraSort file " + path + " ended at byte offset " + (position + read)
                        + ", expected records up to " + end);
            }
            read += n;
        }
        bufferPos = 0;
        bufferEnd = want;
    }

    @Override
    public BytesValue currentKey() {
        return key;
    }

    @Override
    public BytesValue currentValue() {
        return value;
    }

    @Override
    public float progress() {
        return end <= firstRecord ? 1f : (float) (position - firstRecord) / (end - firstRecord);
    }

    @Override
    public String position() {
        return path + " at byte offset " + (position - TeraRecords.RECORD_LENGTH);
    }

    @Override
    public void close() throws IOException {
        try (fs) {
            in.close();
        }
    }
}
