package io.quarry.mapreduce.input;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Plain text files, one record per line: the key is the line's byte offset in its file, the
 * value the line without {@code \n} or {@code \r\n}. Lines cut by split boundaries are read once,
 * by the split holding their first byte. Compressed text ({@code .gz}, {@code .bz2}, ...) is not
 * read: such a file is one split and fails with an error saying so.
 */
public class TextInputFormat extends FileInputFormat<LongValue, Text> {
    private static final List<String> COMPRESSED_SUFFIXES = List.of(".gz", ".bz2", ".zst", ".lz4", ".deflate", ".snappy", ".xz");

    @Override
    public RecordReader<LongValue, Text> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
        FileSplit fileSplit = fileSplit(split);
        rejectCompressed(fileSplit.path());
        return new LineRecordReader(fileSplit, context.configuration(), context.counters());
    }

    @Override
    protected boolean isSplitable(JobContext job, Path file) {
        return !isCompressed(file);
    }

    static boolean isCompressed(Path file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        return COMPRESSED_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    static void rejectCompressed(Path file) throws IOException {
        if (isCompressed(file)) {
            throw new IOException("Cannot read " + file + ": compressed text input is not supported, decompress it first");
        }
    }
}
