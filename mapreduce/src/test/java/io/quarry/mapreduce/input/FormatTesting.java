package io.quarry.mapreduce.input;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for format tests: attempt contexts, local paths, reading whole splits. */
public final class FormatTesting {
    public static final JobId JOB = new JobId("local7", 3);

    private FormatTesting() {
    }

    public static Path path(java.nio.file.Path local) {
        return new Path("file://" + local.toAbsolutePath());
    }

    public static TaskAttemptContext attempt(Configuration conf, TaskType type, int task, int attempt) {
        return new TaskAttemptContext(new TaskAttemptId(new TaskId(JOB, type, task), attempt), conf,
                FormatTesting.class.getClassLoader());
    }

    public static TaskAttemptContext mapAttempt(Configuration conf) {
        return attempt(conf, TaskType.MAP, 0, 0);
    }

    public static java.nio.file.Path write(java.nio.file.Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** A record as read: key and value turned into strings. */
    public record Entry(String key, String value) {
    }

    public static <K, V> List<Entry> readAll(RecordReader<K, V> reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (reader) {
            while (reader.nextKeyValue()) {
                entries.add(new Entry(String.valueOf(reader.currentKey()), String.valueOf(reader.currentValue())));
            }
        }
        return entries;
    }
}
