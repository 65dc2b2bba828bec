/**
 * The Worker's attempt runner: runs the map and reduce attempts the Scheduler launches, each on a
 * named pool thread with a per-job class loader built from the job jar (copied once per job into
 * the Worker's local directory by {@link io.quarry.scheduler.worker.JobLocalizer}), and keeps
 * their state, progress, counters and errors for the next heartbeat
 * ({@link io.quarry.scheduler.worker.AttemptRunner#heartbeatReports}).
 *
 * <p>A finished map's output is registered in the shuffle's
 * {@link io.quarry.scheduler.shuffle.MapOutputRegistry}; reduce and map-only attempts commit only
 * with the Scheduler's {@link io.quarry.scheduler.worker.CommitPermission}. Kills interrupt the
 * attempt; an attempt silent for {@code mapreduce.task.timeout} (checked by
 * {@link io.quarry.scheduler.worker.AttemptRunner#checkTimeouts} against an injected clock) fails.
 * Whatever an attempt throws, Errors included, fails only that attempt.
 */
package io.quarry.scheduler.worker;
