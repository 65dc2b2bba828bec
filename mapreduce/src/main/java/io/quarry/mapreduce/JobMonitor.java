package io.quarry.mapreduce;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits for a running job, printing Hadoop-style progress lines ({@code map 45% reduce 0%}) as
 * they change and, at the end, the outcome and the counters.
 */
final class JobMonitor {
    private final RunningJob job;
    private final Duration pollInterval;
    private final PrintStream out;

    JobMonitor(RunningJob job, Duration pollInterval, PrintStream out) {
        this.job = Objects.requireNonNull(job, "job");
        this.pollInterval = pollInterval.isZero() || pollInterval.isNegative() ? Duration.ofMillis(200) : pollInterval;
        this.out = out;
    }

    JobStatus awaitCompletion() throws IOException, InterruptedException {
        print("Running job: " + job.id());
        String lastLine = "";
        JobStatus status = job.status();
        while (!status.state().isFinished()) {
            String line = progressLine(status);
            if (!line.equals(lastLine)) {
                print(line);
                lastLine = line;
            }
            status = job.awaitStatusChange(pollInterval);
        }
        String line = progressLine(status);
        if (!line.equals(lastLine)) {
            print(line);
        }
        if (status.isSuccessful()) {
            print("Job " + status.id() + " completed successfully");
        } else {
            print("Job " + status.id() + " " + status.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (status.failure().isEmpty() ? "" : ": " + status.failure()));
        }
        if (out != null) {
            out.print(status.counters().format());
            out.flush();
        }
        return status;
    }

    /** {@code  map 45% reduce 0% | tasks: 2 running, 5 finished, 1 failed}: progress, then maps and reduces together. */
    static String progressLine(JobStatus status) {
        String line = " map " + percent(status.mapProgress()) + "% reduce " + percent(status.reduceProgress()) + "%";
        JobStatus.TaskCounts maps = status.maps();
        JobStatus.TaskCounts reduces = status.reduces();
        if (maps.total() + reduces.total() == 0) {
            return line;
        }
        int killed = maps.killedAttempts() + reduces.killedAttempts();
        return line + " | tasks: " + (maps.running() + reduces.running()) + " running, "
                + (maps.succeeded() + reduces.succeeded()) + " finished, "
                + (maps.failedAttempts() + reduces.failedAttempts()) + " failed"
                + (killed == 0 ? "" : ", " + killed + " killed");
    }

    private static int percent(float fraction) {
        return (int) Math.floor(fraction * 100);
    }

    private void print(String line) {
        if (out != null) {
            out.println(line);
            out.flush();
        }
    }
}
