package io.quarry.sql.exec;

import java.io.IOException;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.FileInputFormat;
import io.quarry.mapreduce.input.FileSplit;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.input.TextInputFormat;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;
import io.quarry.sql.format.RowDeserializer;
import io.quarry.sql.format.RowFormats;

/**
 * The rows of a catalog table's files: splits as {@link TextInputFormat} does (the job's input
 * directories are the table location or the chosen partition directories; {@code _} and
 * {@code .} files are skipped; {@code .gz} and {@code .zst} files are read whole), and each line is
 * a row decoded by the table's format ({@link TableScanSpec}, from the job configuration) with
 * the partition values appended: those of the chosen partition holding the file (see
 * {@link PartitionLocations}), else those of the file's {@code col=value} directories. Key: the line's byte
 * offset. Set up a job with {@link TableScanJobs#configure}.
 */
public class TableInputFormat extends FileInputFormat<LongValue, Object[]> {
    private final TextInputFormat text = new TextInputFormat();

    @Override
    public RecordReader<LongValue, Object[]> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
        TableScanSpec spec = TableScanSpec.fromConfiguration(context.configuration());
        RowDeserializer deserializer = RowFormats.deserializer(spec.format(), spec.columns(), spec.readMask());
        FileSplit fileSplit = fileSplit(split);
        String chosenPartition = PartitionLocations.fromConfiguration(context.configuration()).nameFor(fileSplit.path());
        Object[] partitionValues = chosenPartition != null
                ? PartitionPathValues.of(chosenPartition, spec.partitionColumns())
                : PartitionPathValues.of(fileSplit.path(), spec.partitionColumns());
        RecordReader<LongValue, Text> lines = text.createRecordReader(fileSplit, context);
        return new TableRecordReader(lines, deserializer, partitionValues, spec.readsAnyColumn());
    }

    @Override
    protected boolean isSplitable(JobContext job, Path file) {
        return !TextInputFormat.isCompressed(file);
    }
}
