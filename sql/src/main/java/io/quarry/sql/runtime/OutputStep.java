package io.quarry.sql.runtime;

import java.io.IOException;

import io.quarry.mapreduce.io.BytesValue;
import io.quarry.sql.runtime.step.Step;

/** The last step of a stage: each row encoded and written to the stage's output. */
final class OutputStep implements Step {
    @FunctionalInterface
    interface Writer {
        void write(BytesValue row) throws IOException, InterruptedException;
    }

    private final Writer writer;
    private final RowCodec codec = new RowCodec();
    private final BytesValue bytes = new BytesValue();

    OutputStep(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void push(Object[] row) throws IOException, InterruptedException {
        writer.write(codec.encode(row, row.length, bytes));
    }
}
