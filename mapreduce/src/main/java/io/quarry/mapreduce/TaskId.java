package io.quarry.mapreduce;

import java.util.Locale;
import java.util.Objects;

/** A task of a job, {@code task_<origin>_<seq>_m_000003}. */
public record TaskId(JobId jobId, TaskType type, int index) {
    public TaskId {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(type, "type");
        if (index < 0) {
            throw new IllegalArgumentException("negative task index " + index);
        }
    }

    public static TaskId parse(String text) {
        String[] parts = text.split("_", -1);
        if (parts.length != 5 || !parts[0].equals("task") || parts[3].length() != 1) {
            throw new IllegalArgumentException("not a task id (expected task_<origin>_<job>_<m|r>_<index>): " + text);
        }
        try {
            return new TaskId(new JobId(parts[1], JobId.parseNumber(parts[2])), TaskType.ofLetter(parts[3].charAt(0)),
                    JobId.parseNumber(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a task id: " + text + " (" + e.getMessage() + ")", e);
        }
    }

    String idBody() {
        return jobId.idBody() + "_" + type.letter() + "_" + String.format(Locale.ROOT, "%06d", index);
    }

    @Override
    public String toString() {
        return "task_" + idBody();
    }
}
