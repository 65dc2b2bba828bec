package io.quarry.cli.job;

import java.util.List;
import java.util.Locale;

import io.quarry.scheduler.client.WireCounters;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.protocol.WireTaskCounts;

/** The text of {@code quarry job -list} and {@code -status}, in Hadoop's layout. */
final class JobReport {
    private static final String ROW = "%23s\t%10s\t%14s\t%10s\t%14s\t%14s\t%s%n";

    private JobReport() {
    }

    /** {@code Total jobs:N}, a header line and one tab-separated row per job. */
    static String list(List<WireJobStatus> jobs) {
        StringBuilder out = new StringBuilder("Total jobs:").append(jobs.size()).append('\n');
        out.append(String.format(Locale.ROOT, ROW, "JobId", "State", "StartTime", "UserName", "Maps", "Reduces", "Name"));
        for (WireJobStatus job : jobs) {
            out.append(String.format(Locale.ROOT, ROW, job.jobId(), job.state(), job.startTimeMillis(), job.user(),
                    progress(job.mapProgress(), job.maps()), progress(job.reduceProgress(), job.reduces()), job.name()));
        }
        return out.toString();
    }

    /** Like Hadoop's {@code mapred job -status}: identity, task counts, completion, state, failure, counters. */
    static String status(WireJobStatus job) {
        StringBuilder out = new StringBuilder();
        out.append("Job: ").append(job.jobId()).append('\n');
        out.append("Job name: ").append(job.name()).append('\n');
        out.append("User: ").append(job.user()).append('\n');
        out.append("Number of maps: ").append(job.maps().total()).append('\n');
        out.append("Number of reduces: ").append(job.reduces().total()).append('\n');
        out.append("map() completion: ").append(job.mapProgress()).append('\n');
        out.append("reduce() completion: ").append(job.reduceProgress()).append('\n');
        out.append("Job state: ").append(job.state()).append('\n');
        out.append("reason for failure: ").append(job.failure()).append('\n');
        out.append(WireCounters.toCounters(job.counters()).format());
        return out.toString();
    }

    /** {@code 66.7% (2/3)}: progress, then succeeded of total tasks. */
    private static String progress(float fraction, WireTaskCounts counts) {
        return String.format(Locale.ROOT, "%.1f%% (%d/%d)", fraction * 100f, counts.succeeded(), counts.total());
    }
}
