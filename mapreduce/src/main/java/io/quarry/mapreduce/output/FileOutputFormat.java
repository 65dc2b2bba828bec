package io.quarry.mapreduce.output;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import java.io.IOException;

/**
 * Output written as files into the job's output directory, which must not exist before the job.
 * Each attempt writes one part file ({@code part-m-00003}, {@code part-r-00000}) in its own work
 * directory, and {@link FileOutputCommitter} publishes it.
 */
public abstract class FileOutputFormat<K, V> implements OutputFormat<K, V> {

    @Override
    public void checkOutputSpecs(JobContext job) throws IOException {
        Path out = outputDir(job);
        try (FileSystem fs = FileSystem.get(out, job.configuration())) {
            if (fs.exists(out)) {
                throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "Output directory " + fs.qualify(out) + " already exists");
            }
        }
    }

    @Override
    public OutputCommitter committer(TaskAttemptContext attempt) {
        return new FileOutputCommitter(outputDir(attempt), attempt.configuration());
    }

    /** The job's output directory; an error when the job has none. */
    public static Path outputDir(JobContext job) {
        Path out = job.outputPath();
        if (out == null) {
            throw new IllegalArgumentException("Output directory not set (set " + MapReduceConfigKeys.OUTPUT_DIR.name() + ")");
        }
        return out;
    }

    /** The directory an attempt writes its files in, before they are committed. */
    public static Path workPath(TaskAttemptContext attempt) {
        return FileOutputCommitter.attemptPath(outputDir(attempt), attempt.taskAttemptId());
    }

    /** The part file name of an attempt's task: {@code part-m-00003} or {@code part-r-00000}. */
    public static String partFileName(TaskAttemptId attempt) {
        return String.format("part-%c-%05d", attempt.type().letter(), attempt.taskId().index());
    }

    /** The attempt's part file in its work directory, with {@code extension} (may be empty) appended. */
    protected static Path workFile(TaskAttemptContext attempt, String extension) {
        return workPath(attempt).child(partFileName(attempt.taskAttemptId()) + extension);
    }
}
