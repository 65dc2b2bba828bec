package io.quarry.sql.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.sql.runtime.plan.StagePlan;

/**
 * The input of a SQL stage: the splits of every input of its plan (tables, earlier stages'
 * outputs, constant rows), each tagged with its input's index so the map task knows which steps
 * its rows take. Records are rows ({@code Object[]}).
 */
public final class StageInputFormat implements InputFormat<Object, Object[]> {
    @Override
    public List<InputSplit> splits(JobContext job) throws IOException {
        StagePlan plan = PlanCodec.fromConfiguration(job.configuration(), job.classLoader());
        List<InputSplit> splits = new ArrayList<>();
        for (int i = 0; i < plan.inputs().size(); i++) {
            for (InputSplit split : InputReaders.splits(plan.inputs().get(i).source(), job)) {
                splits.add(new TaggedSplit(i, split));
            }
        }
        return splits;
    }

    @Override
    public RecordReader<Object, Object[]> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
        if (!(split instanceof TaggedSplit tagged)) {
            throw new IllegalArgumentException("A SQL stage reads TaggedSplits, got " + split);
        }
        StagePlan plan = PlanCodec.fromConfiguration(context.configuration(), context.classLoader());
        return InputReaders.reader(plan.inputs().get(tagged.input()).source(), tagged.split(), context);
    }
}
