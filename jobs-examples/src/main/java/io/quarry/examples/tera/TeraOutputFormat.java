package io.quarry.examples.tera;

import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.output.FileOutputFormat;
import io.quarry.mapreduce.output.OutputFile;
import io.quarry.mapreduce.output.RecordWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes 100-byte TeraSort records: the 10-byte key, then the 90-byte value, nothing between. */
public final class TeraOutputFormat extends FileOutputFormat<BytesValue, BytesValue> {
    private static final int BUFFER_BYTES = 1 << 20;

    @Override
    public RecordWriter<BytesValue, BytesValue> recordWriter(TaskAttemptContext attempt) throws IOException {
        OutputFile file = OutputFile.create(workFile(attempt, ""), attempt.configuration(), attempt.counters());
        OutputStream out = new BufferedOutputStream(file, BUFFER_BYTES);
        return new RecordWriter<>() {
            @Override
            public void write(BytesValue key, BytesValue value) throws IOException {
                if (key.length() != TeraRecords.KEY_LENGTH || value.length() != TeraRecords.VALUE_LENGTH) {
                    throw new IOException("TeraSort records have " + TeraRecords.KEY_LENGTH + "-byte keys and "
                            + TeraRecords.VALUE_LENGTH + "-byte values, got " + key.length() + " and " + value.length()
                            + " bytes for " + file.path());
                }
                out.write(key.bytes(), 0, TeraRecords.KEY_LENGTH);
                out.write(value.bytes(), 0, TeraRecords.VALUE_LENGTH);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
