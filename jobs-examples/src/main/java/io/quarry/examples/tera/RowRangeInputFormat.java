package io.quarry.examples.tera;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import java.util.ArrayList;
import java.util.List;

/**
 * TeraGen's input: no files, only row numbers. The rows {@code [0, quarry.job.teragen.rows)} are
 * cut into {@code quarry.job.teragen.map-tasks} contiguous ranges (the number of cores when
 * unset), one map task each; the records are (row number, null).
 */
public final class RowRangeInputFormat implements InputFormat<LongValue, NullValue> {
    public static final String ROWS = "quarry.job.teragen.rows";
    public static final String MAP_TASKS = "quarry.job.teragen.map-tasks";

    /** Rows {@code [firstRow, firstRow + rowCount)}. */
    public record RowRange(long firstRow, long rowCount) implements InputSplit {
        public RowRange {
            if (firstRow < 0 || rowCount < 0) {
                throw new IllegalArgumentException("bad row range: first " + firstRow + ", count " + rowCount);
            }
        }

        @Override
        public long length() {
            return rowCount * TeraRecords.RECORD_LENGTH;
        }

        @Override
        public List<String> locations() {
            return List.of();
        }
    }

    @Override
    public List<InputSplit> splits(JobContext job) {
        String rowsSetting = job.configuration().get(ROWS);
        if (rowsSetting == null) {
            throw new IllegalArgumentException("set " + ROWS + " to the number of rows to generate");
        }
        long rows = Long.parseLong(rowsSetting);
        String mapsSetting = job.configuration().get(MAP_TASKS);
        int maps = mapsSetting == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(mapsSetting);
        if (rows < 0 || maps < 1) {
            throw new IllegalArgumentException("need rows >= 0 and map tasks >= 1, got " + ROWS + "=" + rows
                    + ", " + MAP_TASKS + "=" + maps);
        }
        maps = (int) Math.max(1, Math.min(maps, rows));
        List<InputSplit> splits = new ArrayList<>(maps);
        long first = 0;
        for (int i = 0; i < maps; i++) {
            long end = rows * (i + 1) / maps;
            splits.add(new RowRange(first, end - first));
            first = end;
        }
        return splits;
    }

    @Override
    public RecordReader<LongValue, NullValue> createRecordReader(InputSplit split, TaskAttemptContext context) {
        if (!(split instanceof RowRange range)) {
            throw new IllegalArgumentException("teragen reads row ranges, got " + split);
        }
        return new RecordReader<>() {
            private final LongValue row = new LongValue(range.firstRow() - 1);

            @Override
            public boolean nextKeyValue() {
                if (row.get() + 1 >= range.firstRow() + range.rowCount()) {
                    return false;
                }
                row.set(row.get() + 1);
                return true;
            }

            @Override
            public LongValue currentKey() {
                return row;
            }

            @Override
            public NullValue currentValue() {
                return NullValue.INSTANCE;
            }

            @Override
            public float progress() {
                return range.rowCount() == 0 ? 1f : (float) (row.get() + 1 - range.firstRow()) / range.rowCount();
            }

            @Override
            public String position() {
                return "row " + row.get() + " of teragen range " + range;
            }

            @Override
            public void close() {
            }
        };
    }
}
