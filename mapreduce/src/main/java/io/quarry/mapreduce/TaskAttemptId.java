package io.quarry.mapreduce;

import java.util.Objects;

/** One attempt of a task, {@code attempt_<origin>_<seq>_m_000003_0}. */
public record TaskAttemptId(TaskId taskId, int attempt) {
    public TaskAttemptId {
        Objects.requireNonNull(taskId, "taskId");
        if (attempt < 0) {
            throw new IllegalArgumentException("negative attempt number " + attempt);
        }
    }

    public static TaskAttemptId parse(String text) {
        int last = text.lastIndexOf('_');
        if (!text.startsWith("attempt_") || last < "attempt_".length()) {
            throw new IllegalArgumentException("not an attempt id (expected attempt_<origin>_<job>_<m|r>_<index>_<n>): " + text);
        }
        try {
            return new TaskAttemptId(TaskId.parse("task_" + text.substring("attempt_".length(), last)),
                    JobId.parseNumber(text.substring(last + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an attempt id: " + text + " (" + e.getMessage() + ")", e);
        }
    }

    public JobId jobId() {
        return taskId.jobId();
    }

    public TaskType type() {
        return taskId.type();
    }

    @Override
    public String toString() {
        return "attempt_" + taskId.idBody() + "_" + attempt;
    }
}
