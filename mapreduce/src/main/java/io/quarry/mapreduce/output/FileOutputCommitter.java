package io.quarry.mapreduce.output;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits file output in two renames, as Hadoop's {@code FileOutputCommitter} (algorithm 1) does.
 * Each attempt writes under {@code <out>/_temporary/<attemptId>/}. Committing the attempt renames
 * that directory to {@code <out>/_temporary/<taskId>}, once: if the task directory exists,
 * another attempt already committed and this commit fails, so at most one attempt's output
 * survives. Committing the job moves every committed task's files into {@code <out>}, writes an
 * empty {@code _SUCCESS} and deletes {@code _temporary}; aborting deletes {@code _temporary}, so
 * no part file of a failed job is ever published.
 */
public final class FileOutputCommitter implements OutputCommitter {
    public static final String TEMPORARY = "_temporary";
    public static final String SUCCESS = "_SUCCESS";

    private static final Logger LOG = LoggerFactory.getLogger(FileOutputCommitter.class);

    private final Path outputDir;
    private final Configuration conf;

    public FileOutputCommitter(Path outputDir, Configuration conf) {
        this.outputDir = requireNonNull(outputDir, "outputDir is null");
        this.conf = requireNonNull(conf, "conf is null");
    }

    public Path outputDir() {
        return outputDir;
    }

    /** Where an attempt writes its files. */
    public static Path attemptPath(Path outputDir, TaskAttemptId attempt) {
        return outputDir.child(TEMPORARY).child(attempt.toString());
    }

    /** Where a task's committed files wait for the job commit. */
    public static Path committedTaskPath(Path outputDir, TaskId task) {
        return outputDir.child(TEMPORARY).child(task.toString());
    }

    @Override
    public void setupJob(JobContext job) throws IOException {
        try (FileSystem fs = fs()) {
            fs.mkdirs(outputDir.child(TEMPORARY));
        }
    }

    @Override
    public void setupTask(TaskAttemptContext attempt) {
        // The attempt directory appears with the attempt's first file.
    }

    @Override
    public boolean needsTaskCommit(TaskAttemptContext attempt) throws IOException {
        try (FileSystem fs = fs()) {
            return fs.exists(attemptPath(outputDir, attempt.taskAttemptId()));
        }
    }

    @Override
    public void commitTask(TaskAttemptContext attempt) throws IOException {
        TaskAttemptId attemptId = attempt.taskAttemptId();
        Path attemptDir = attemptPath(outputDir, attemptId);
        Path taskDir = committedTaskPath(outputDir, attemptId.taskId());
        try (FileSystem fs = fs()) {
            if (!fs.exists(attemptDir)) {
                // An attempt without output still claims its task, so no later attempt commits too.
                fs.mkdirs(attemptDir);
            }
            if (fs.exists(taskDir)) {
                throw alreadyCommitted(attemptId, taskDir);
            }
            fs.rename(attemptDir, taskDir);
            Path movedInside = taskDir.child(attemptDir.name());
            if (fs.exists(movedInside)) {
                // Another attempt committed between the check and the rename, and ours moved into its directory.
                fs.delete(movedInside, true);
                throw alreadyCommitted(attemptId, taskDir);
            }
        }
        LOG.info("Committed {} to {}", attemptId, taskDir);
    }

    private static QuarryException alreadyCommitted(TaskAttemptId attemptId, Path taskDir) {
        return new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "Cannot commit " + attemptId + ": task "
                + attemptId.taskId() + " was already committed by another attempt (" + taskDir + " exists)");
    }

    @Override
    public void abortTask(TaskAttemptContext attempt) throws IOException {
        Path attemptDir = attemptPath(outputDir, attempt.taskAttemptId());
        try (FileSystem fs = fs()) {
            fs.delete(attemptDir, true);
        }
        LOG.info("Aborted {}: deleted {}", attempt.taskAttemptId(), attemptDir);
    }

    @Override
    public void commitJob(JobContext job) throws IOException {
        Path temporary = outputDir.child(TEMPORARY);
        int tasks = 0;
        try (FileSystem fs = fs()) {
            fs.mkdirs(outputDir);
            if (fs.exists(temporary)) {
                for (FileStatus entry : fs.listStatus(temporary)) {
                    if (entry.isDirectory() && entry.path().name().startsWith("task_")) {
                        merge(fs, entry.path(), outputDir);
                        tasks++;
                    }
                }
            }
            fs.create(outputDir.child(SUCCESS), true).close();
            fs.delete(temporary, true);
        }
        LOG.info("Committed job {}: output of {} tasks in {}", job.jobId(), tasks, outputDir);
    }

    /** Moves the entries of {@code from} into the directory {@code into}, merging subdirectories. */
    private static void merge(FileSystem fs, Path from, Path into) throws IOException {
        for (FileStatus entry : fs.listStatus(from)) {
            Path target = into.child(entry.path().name());
            if (!fs.exists(target)) {
                fs.rename(entry.path(), target);
            } else if (entry.isDirectory() && fs.getFileStatus(target).isDirectory()) {
                merge(fs, entry.path(), target);
            } else {
                throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "Cannot publish " + entry.path() + ": "
                        + target + " already exists (two tasks wrote the same file name)");
            }
        }
    }

    @Override
    public void abortJob(JobContext job) throws IOException {
        try (FileSystem fs = fs()) {
            fs.delete(outputDir.child(TEMPORARY), true);
        }
        LOG.info("Aborted job {}: deleted {}", job.jobId(), outputDir.child(TEMPORARY));
    }

    private FileSystem fs() throws IOException {
        return FileSystem.get(outputDir, conf);
    }
}
