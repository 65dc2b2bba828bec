package io.quarry.mapreduce.input;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;

/**
 * Plain text files, one record per line: the key is the line's byte offset in its file, the
 * value the line without {@code \n} or {@code \r\n}. Lines cut by split boundaries are read once,
 * by the split holding their first byte. Compressed text ({@code .gz}, {@code .zst}) is read whole
 * in one split, the keys counting decompressed bytes; other compressed suffixes ({@code .bz2},
 * {@code .xz}, ...) fail with an error saying so.
 */
public class TextInputFormat extends FileInputFormat<LongValue, Text> {
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

    /** Whether the name says {@code file} is compressed: such a file is read whole, in one split. */
    public static boolean isCompressed(Path file) {
        return TextCompression.isCompressed(file);
    }

    static void rejectCompressed(Path file) throws IOException {
        TextCompression.checkReadable(file);
    }
}
