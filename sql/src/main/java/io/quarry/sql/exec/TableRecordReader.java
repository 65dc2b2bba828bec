package io.quarry.sql.exec;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.sql.format.RowDeserializer;

/**
 * The rows of one split of a table's file: each line of the underlying line reader decoded by the
 * table's {@link RowDeserializer}, followed by the partition values of the file's directory. The
 * key is the line's byte offset. The row array is reused from record to record: a mapper that
 * keeps a row must copy it. When the query reads no data column ({@code count(*)}), lines are
 * counted without being decoded: every line is a row, matched or not.
 */
final class TableRecordReader implements RecordReader<LongValue, Object[]> {
    private final RecordReader<LongValue, Text> lines;
    private final RowDeserializer deserializer;
    private final Object[] row;
    private final boolean decode;

    TableRecordReader(RecordReader<LongValue, Text> lines, RowDeserializer deserializer, Object[] partitionValues,
                      boolean readsAnyColumn) {
        this.lines = requireNonNull(lines, "lines is null");
        this.deserializer = requireNonNull(deserializer, "deserializer is null");
        int dataWidth = deserializer.columns().size();
        this.row = new Object[dataWidth + partitionValues.length];
        System.arraycopy(partitionValues, 0, row, dataWidth, partitionValues.length);
        this.decode = readsAnyColumn;
    }

    @Override
    public boolean nextKeyValue() throws IOException {
        if (!lines.nextKeyValue()) {
            return false;
        }
        if (!decode) {
            return true;
        }
        Text line = lines.currentValue();
        deserializer.deserialize(new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8), row);
        return true;
    }

    @Override
    public LongValue currentKey() {
        return lines.currentKey();
    }

    @Override
    public Object[] currentValue() {
        return row;
    }

    @Override
    public float progress() {
        return lines.progress();
    }

    @Override
    public String position() {
        return lines.position();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
