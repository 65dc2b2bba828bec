package io.quarry.mapreduce.input;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;

/**
 * Lines split into a key and a value at the first occurrence of a separator (tab by default);
 * a line without the separator is all key, with an empty value.
 */
public final class KeyValueLineRecordReader implements RecordReader<Text, Text> {
    private final SplitLineReader lines;
    private final byte[] separator;
    private final Text key = new Text();
    private final Text value = new Text();

    public KeyValueLineRecordReader(FileSplit split, Configuration conf, Counters counters, byte[] separator) throws IOException {
        this.separator = requireNonNull(separator, "separator is null").clone();
        if (separator.length == 0) {
            throw new IllegalArgumentException("key-value separator of " + split.path() + " is empty");
        }
        this.lines = new SplitLineReader(split, conf, counters);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
        if (!lines.next()) {
            return false;
        }
        byte[] bytes = lines.lineBuffer();
        int start = lines.lineStart();
        int end = start + lines.lineLength();
        int at = indexOf(bytes, start, end, separator);
        if (at < 0) {
            key.set(bytes, start, end - start);
            value.clear();
        } else {
            key.set(bytes, start, at - start);
            int valueStart = at + separator.length;
            value.set(bytes, valueStart, end - valueStart);
        }
        return true;
    }

    static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        byte first = pattern[0];
        int last = to - pattern.length;
        outer:
        for (int i = from; i <= last; i++) {
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

    @Override
    public Text currentKey() {
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
