package io.quarry.sql.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.input.RecordReader;
import io.quarry.mapreduce.io.BytesValue;
import io.quarry.sql.runtime.plan.MapInput;
import io.quarry.sql.runtime.plan.Shuffle;
import io.quarry.sql.runtime.plan.StagePlan;
import io.quarry.sql.runtime.step.Step;
import io.quarry.sql.runtime.step.Steps;
import io.quarry.sql.runtime.step.TaskEnvironment;

/**
 * Samples the sort keys of an ORDER BY stage, as its map tasks would make them: the first rows of
 * up to {@code maxSplits} splits spread over the stage's input are run through their input's
 * map-side steps (filters, projections, broadcast joins) and keyed with the stage's sortable key
 * encoding. The keys are the map output keys' bytes, so split points chosen from them partition
 * the shuffle by range. A sample only balances the reducers; any sample gives a correct order.
 */
final class SortKeySampler {
    private final int wanted;
    private final int maxSplits;

    SortKeySampler(int wanted, int maxSplits) {
        if (wanted < 1 || maxSplits < 1) {
            throw new IllegalArgumentException("need at least one key from one split, got " + wanted + " keys from " + maxSplits
                    + " splits");
        }
        this.wanted = wanted;
        this.maxSplits = maxSplits;
    }

    /** Up to {@code wanted} encoded sort keys of the stage whose plan {@code job} carries; empty if its input has no rows. */
    List<byte[]> sample(StagePlan plan, JobContext job) throws IOException, InterruptedException {
        if (!(plan.shuffle() instanceof Shuffle.Sort sort)) {
            throw new IllegalArgumentException("stage " + plan.id() + " does not sort: its shuffle is " + plan.shuffle());
        }
        List<InputSplit> splits = new StageInputFormat().splits(job);
        int sampled = Math.min(maxSplits, splits.size());
        List<byte[]> keys = new ArrayList<>();
        BytesValue keyBytes = new BytesValue();
        TaskEnvironment environment = new TaskEnvironment(job.configuration(), job.classLoader());
        for (int n = 0; n < sampled && keys.size() < wanted; n++) {
            int index = (int) ((long) n * splits.size() / sampled);
            TaggedSplit split = (TaggedSplit) splits.get(index);
            MapInput input = plan.inputs().get(split.input());
            int quota = keys.size() + (wanted - keys.size() + (sampled - n) - 1) / (sampled - n);
            Step keyer = row -> {
                if (keys.size() < quota) {
                    sort.key().encode(row, sort.columns(), keyBytes);
                    keys.add(Arrays.copyOf(keyBytes.bytes(), keyBytes.length()));
                }
            };
            Step head = Steps.chain(input.ops(), keyer, environment);
            // A selective filter may drop most rows: read at most a bounded prefix of the split.
            long budget = 20L * (quota - keys.size()) + 1000;
            TaskAttemptId attempt = new TaskAttemptId(new TaskId(job.jobId(), TaskType.MAP, index), 0);
            try (RecordReader<Object, Object[]> reader = new StageInputFormat().createRecordReader(split,
                    new TaskAttemptContext(job, attempt))) {
                for (long read = 0; read < budget && keys.size() < quota && reader.nextKeyValue(); read++) {
                    head.push(reader.currentValue());
                }
            }
        }
        return keys;
    }
}
