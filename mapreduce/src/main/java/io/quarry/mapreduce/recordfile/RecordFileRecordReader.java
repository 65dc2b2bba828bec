package io.quarry.mapreduce.recordfile;

import io.quarry.dfs.FileSystem;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.mapreduce.FileSystemCounters;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.RecordReader;
import java.io.IOException;

/** The records of one split of a record file, through a {@link RecordFileReader}. */
final class RecordFileRecordReader<K, V> implements RecordReader<K, V> {
    private final FileSystem fs;
    private final RecordFileReader<K, V> reader;

    RecordFileRecordReader(FileSplit split, TaskAttemptContext context) throws IOException {
        this.fs = FileSystem.get(split.path(), context.configuration());
        SeekableInputStream in = null;
        try {
            in = fs.openSeekable(split.path());
            String scheme = split.path().scheme() != null ? split.path().scheme() : fs.uri().getScheme();
            this.reader = new RecordFileReader<>(in, split.path(), split.start(), split.length(), context.classLoader(),
                    FileSystemCounters.bytesRead(context.counters(), scheme));
        } catch (IOException | RuntimeException e) {
            try {
                if (in != null) {
                    in.close();
                }
                fs.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public boolean nextKeyValue() throws IOException {
        return reader.next();
    }

    @Override
    public K currentKey() {
        return reader.key();
    }

    @Override
    public V currentValue() {
        return reader.value();
    }

    @Override
    public float progress() {
        return reader.progress();
    }

    @Override
    public String position() {
        return reader.position();
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            fs.close();
        }
    }
}
