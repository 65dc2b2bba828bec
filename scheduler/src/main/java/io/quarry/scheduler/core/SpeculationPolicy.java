package io.quarry.scheduler.core;

import io.quarry.mapreduce.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks stragglers for a backup attempt: a task with one running attempt that has run at least the
 * minimum time and whose estimated run time (elapsed / progress) exceeds {@code slowness} times the
 * mean run time of the job's finished tasks of the same kind. A task gets at most one backup.
 */
final class SpeculationPolicy {
    /** Stragglers of {@code job} worth a backup now, slowest estimate first. */
    List<TaskInProgress> stragglers(JobInProgress job, TaskType type, long nowMillis) {
        SchedulerConfig config = job.settings();
        if (!config.speculative(type) || !job.isRunning()) {
            return List.of();
        }
        double typical = job.meanSucceededMillis(type);
        if (typical <= 0) {
            return List.of();
        }
        List<TaskInProgress> slow = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        long minRuntime = config.speculativeMinRuntime().toMillis();
        for (TaskInProgress task : job.runningTasks(type)) {
            if (task.isSucceeded() || task.speculated()) {
                continue;
            }
            List<TaskAttempt> running = task.runningAttempts();
            if (running.size() != 1) {
                continue;
            }
            TaskAttempt attempt = running.get(0);
            long elapsed = attempt.elapsedMillis(nowMillis);
            if (elapsed < minRuntime) {
                continue;
            }
            double estimate = attempt.progress() > 0 ? Math.max(elapsed, elapsed / (double) attempt.progress()) : elapsed;
            if (estimate > config.speculativeSlowness() * typical) {
                int at = 0;
                while (at < estimates.size() && estimates.get(at) >= estimate) {
                    at++;
                }
                slow.add(at, task);
                estimates.add(at, estimate);
            }
        }
        return slow;
    }
}
