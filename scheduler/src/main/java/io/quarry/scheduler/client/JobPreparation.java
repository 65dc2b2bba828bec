package io.quarry.scheduler.client;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.input.InputFormat;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.output.OutputFormat;
import java.io.IOException;
import java.util.List;

/**
 * The checks a job passes before anything is staged or submitted, as the in-process runner makes
 * them: its classes load from the job's class loader, its output does not exist yet, and its
 * input divides into splits (each carrying the hosts of its block, which the Scheduler places the
 * map task by).
 */
final class JobPreparation {
    /** Stands in for the id the Scheduler will assign; only formats that print it would see it. */
    static final JobId UNASSIGNED = new JobId("unsubmitted", 0);

    private JobPreparation() {
    }

    static PreparedJob prepare(Configuration conf, ClassLoader loader) throws IOException {
        JobContext job = new JobContext(UNASSIGNED, conf, loader);
        job.mapperClass();
        job.combinerClass();
        if (job.numReduceTasks() < 0) {
            throw new IllegalArgumentException(MapReduceConfigKeys.NUM_REDUCES.name() + " = " + job.numReduceTasks()
                    + ": the number of reduce tasks must be 0 or more");
        }
        if (job.numReduceTasks() > 0) {
            job.reducerClass();
            job.partitionerClass();
        }
        OutputFormat<?, ?> output = job.newInstance(job.outputFormatClass());
        output.checkOutputSpecs(job);
        InputFormat<?, ?> input = job.newInstance(job.inputFormatClass());
        List<InputSplit> splits = input.splits(job);
        return new PreparedJob(job, splits);
    }
}
