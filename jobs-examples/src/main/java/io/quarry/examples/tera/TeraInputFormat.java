package io.quarry.examples.tera;

import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.FileInputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.BytesValue;
import java.io.IOException;

/** Files of 100-byte TeraSort records: key the first 10 bytes, value the other 90. Splits anywhere. */
public final class TeraInputFormat extends FileInputFormat<BytesValue, BytesValue> {

    @Override
    public RecordReader<BytesValue, BytesValue> createRecordReader(InputSplit split, TaskAttemptContext context)
            throws IOException {
        return new TeraRecordReader(fileSplit(split), context.configuration());
    }
}
