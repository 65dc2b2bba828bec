package io.quarry.mapreduce.input;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;

/**
 * The lines of a text split: the key is the byte offset of the line in the file, the value the
 * line without its line end. Key and value are reused from record to record.
 */
public final class LineRecordReader implements RecordReader<LongValue, Text> {
    private final SplitLineReader lines;
    private final LongValue key = new LongValue();
    private final Text value = new Text();

    public LineRecordReader(FileSplit split, Configuration conf, Counters counters) throws IOException {
        this.lines = new SplitLineReader(split, conf, counters);
    }

    LineRecordReader(FileSplit split, Configuration conf, Counters counters, int bufferSize) throws IOException {
        this.lines = new SplitLineReader(split, conf, counters, bufferSize);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
        if (!lines.next()) {
            return false;
        }
        key.set(lines.lineOffset());
        value.set(lines.lineBuffer(), lines.lineStart(), lines.lineLength());
        return true;
    }

    @Override
    public LongValue currentKey() {
        return key;
    }

    @Override
    public Text currentValue() {
        return value;
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
