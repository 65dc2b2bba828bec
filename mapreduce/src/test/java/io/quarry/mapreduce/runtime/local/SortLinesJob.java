package io.quarry.mapreduce.runtime.local;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.NullValue;
import io.quarry.mapreduce.io.Text;
import java.io.IOException;
import java.util.Map;

/**
 * Sorts the lines of its input (a job with no combiner, so every byte goes through the sort, the
 * spills, the shuffle and the merge). Run as its own JVM by {@link LargerThanHeapJobTest}.
 */
public final class SortLinesJob {
    private SortLinesJob() {
    }

    /** Emits each line as a key. */
    public static final class LineMapper extends Mapper<LongValue, Text, Text, NullValue> {
        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, NullValue> context) throws IOException, InterruptedException {
            context.write(line, NullValue.get());
        }
    }

    /** {@code SortLinesJob INPUT OUTPUT LOCAL_DIR}; exits 0 when the job succeeded. */
    public static void main(String[] args) throws Exception {
        Configuration conf = Configuration.of(Map.of("quarry.mapreduce.local.dirs", args[2]));
        Job job = Job.create(conf, "sort-lines");
        job.setMapperClass(LineMapper.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(NullValue.class);
        job.setNumReduceTasks(2);
        job.addInputPath(new Path(args[0]));
        job.setOutputPath(new Path(args[1]));
        System.exit(job.waitForCompletion(false) ? 0 : 1);
    }
}
