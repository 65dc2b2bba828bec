package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.TaskAttemptContext;
import java.io.IOException;
import java.util.Objects;

/**
 * Passes records through and reports the reduce phase's progress from the bytes consumed: from
 * {@code start} to 1 as {@code totalBytes} go by, updated every few thousand records.
 */
final class ProgressReportingIterator implements RawRecordIterator {
    private static final int INTERVAL = 4096;

    private final RawRecordIterator in;
    private final TaskAttemptContext attempt;
    private final float start;
    private final double totalBytes;
    private long consumed;
    private int sinceReport;

    ProgressReportingIterator(RawRecordIterator in, TaskAttemptContext attempt, float start, long totalBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.start = start;
        this.totalBytes = Math.max(1, totalBytes);
    }

    @Override
    public boolean next() throws IOException {
        if (!in.next()) {
            return false;
        }
        consumed += in.keyLength() + in.valueLength() + 2;
        if (++sinceReport == INTERVAL) {
            sinceReport = 0;
            attempt.setProgress(start + (1 - start) * (float) Math.min(1, consumed / totalBytes));
        }
        return true;
    }

    @Override
    public byte[] keyBytes() {
        return in.keyBytes();
    }

    @Override
    public int keyOffset() {
        return in.keyOffset();
    }

    @Override
    public int keyLength() {
        return in.keyLength();
    }

    @Override
    public byte[] valueBytes() {
        return in.valueBytes();
    }

    @Override
    public int valueOffset() {
        return in.valueOffset();
    }

    @Override
    public int valueLength() {
        return in.valueLength();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
