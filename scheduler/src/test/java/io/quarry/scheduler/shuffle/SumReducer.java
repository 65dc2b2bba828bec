package io.quarry.scheduler.shuffle;

import java.io.IOException;

import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;

/** Sums the values of each key. */
public final class SumReducer extends Reducer<Text, LongValue, Text, LongValue> {
    private final LongValue sum = new LongValue();

    @Override
    public void reduce(Text key, Iterable<LongValue> values, TaskContext<Text, LongValue> context)
            throws IOException, InterruptedException {
        long total = 0;
        for (LongValue value : values) {
            total += value.get();
        }
        context.write(key, sum.set(total));
    }
}
