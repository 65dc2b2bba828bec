package io.quarry.sql.runtime;

import java.io.IOException;

import io.quarry.mapreduce.io.BytesValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.sql.runtime.expr.Values;
import io.quarry.sql.runtime.plan.StagePlan;
import io.quarry.sql.runtime.step.Step;

/**
 * The last step of a stage: each row written to the stage's output, encoded for the next stage
 * or, for a stage that fills a table or directory, as a Hive text line (NULL as {@code \N}).
 */
final class OutputStep implements Step {
    @FunctionalInterface
    interface Writer {
        void write(Object value) throws IOException, InterruptedException;
    }

    private final Writer writer;
    private final int delimiter;
    private final RowCodec codec = new RowCodec();
    private final BytesValue bytes = new BytesValue();
    private final Text text = new Text();
    private final StringBuilder line = new StringBuilder();

    OutputStep(Writer writer, int delimiter) {
        this.writer = writer;
        this.delimiter = delimiter;
    }

    @Override
    public void push(Object[] row) throws IOException, InterruptedException {
        if (delimiter == StagePlan.BINARY) {
            writer.write(codec.encode(row, row.length, bytes));
            return;
        }
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append((char) delimiter);
            }
            line.append(row[i] == null ? "\\N" : Values.toText(row[i]));
        }
        writer.write(text.set(line.toString()));
    }
}
