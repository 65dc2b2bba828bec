package io.quarry.scheduler.protocol;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.CounterGroup;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.scheduler.core.AttemptReport;
import io.quarry.scheduler.core.AttemptState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between the Scheduler's values and their wire records; bad ids or names become INVALID_ARGUMENT errors naming them. */
public final class WireForms {
    private WireForms() {
    }

    public static Map<String, Map<String, Long>> counters(Counters counters) {
        Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
        for (CounterGroup group : counters.groups()) {
            Map<String, Long> values = new LinkedHashMap<>();
            for (Counter counter : group.counters()) {
                values.put(counter.name(), counter.value());
            }
            groups.put(group.name(), values);
        }
        return groups;
    }

    public static Counters counters(Map<String, Map<String, Long>> groups) {
        Counters counters = new Counters();
        for (Map.Entry<String, Map<String, Long>> group : groups.entrySet()) {
            for (Map.Entry<String, Long> counter : group.getValue().entrySet()) {
                counters.counter(group.getKey(), counter.getKey()).increment(counter.getValue());
            }
        }
        return counters;
    }

    /** An immutable copy in the JDK's immutable maps, which the codec carries (group order is not kept). */
    static Map<String, Map<String, Long>> copyCounters(Map<String, Map<String, Long>> groups) {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Long>> group : groups.entrySet()) {
            copy.put(group.getKey(), Map.copyOf(group.getValue()));
        }
        return Map.copyOf(copy);
    }

    public static WireAttemptReport report(AttemptReport report) {
        return new WireAttemptReport(report.attempt().toString(), report.state().name(), report.progress(),
                counters(report.counters()), report.error());
    }

    public static AttemptReport report(WireAttemptReport report) throws QuarryException {
        TaskAttemptId attempt = attemptId(report.attemptId());
        AttemptState state;
        try {
            state = AttemptState.valueOf(report.state());
        } catch (IllegalArgumentException e) {
            throw invalid("Unknown attempt state " + report.state() + " for " + attempt, e);
        }
        try {
            return new AttemptReport(attempt, state, report.progress(), counters(report.counters()), report.error());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    public static WireJobStatus status(JobStatus status) {
        return new WireJobStatus(status.id().toString(), status.name(), status.user(), status.state().name(), status.mapProgress(),
                status.reduceProgress(), counts(status.maps()), counts(status.reduces()), counters(status.counters()),
                status.failure(), status.startTimeMillis(), status.finishTimeMillis());
    }

    public static JobStatus status(WireJobStatus status) throws QuarryException {
        JobState state;
        try {
            state = JobState.valueOf(status.state());
        } catch (IllegalArgumentException e) {
            throw invalid("Unknown job state " + status.state() + " for " + status.jobId(), e);
        }
        return new JobStatus(jobId(status.jobId()), status.name(), status.user(), state, status.mapProgress(), status.reduceProgress(),
                counts(status.maps()), counts(status.reduces()), counters(status.counters()), status.failure(),
                status.startTimeMillis(), status.finishTimeMillis());
    }

    private static WireTaskCounts counts(JobStatus.TaskCounts counts) {
        return new WireTaskCounts(counts.total(), counts.running(), counts.succeeded(), counts.failedAttempts(), counts.killedAttempts());
    }

    private static JobStatus.TaskCounts counts(WireTaskCounts counts) {
        return new JobStatus.TaskCounts(counts.total(), counts.running(), counts.succeeded(), counts.failedAttempts(),
                counts.killedAttempts());
    }

    public static JobId jobId(String text) throws QuarryException {
        try {
            return JobId.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    public static TaskAttemptId attemptId(String text) throws QuarryException {
        try {
            return TaskAttemptId.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    private static QuarryException invalid(String message, Exception cause) {
        return new QuarryException(ErrorCode.INVALID_ARGUMENT, message, cause);
    }
}
