/**
 * The Worker daemon ({@link io.quarry.scheduler.worker.WorkerDaemon}, {@code quarry worker}): one
 * per node, beside the node's DataNode and registered under the same host name, so the Scheduler
 * can run maps next to their blocks.
 *
 * <p>{@link io.quarry.scheduler.worker.HeartbeatLoop} registers with the Scheduler and heartbeats
 * (at once when an attempt ends; with a backoff while the Scheduler is unreachable; registering
 * again when the Scheduler has forgotten the Worker).
 * {@link io.quarry.scheduler.worker.InstructionHandler} carries out the answers: launches, kills,
 * map re-runs and job clean-ups. {@link io.quarry.scheduler.worker.WorkerSettings} holds the
 * configuration, read once.
 *
 * <p>The attempt runner runs the map and reduce attempts the Scheduler launches, each on a
 * named pool thread with a per-job class loader built from the job jar (copied once per job into
 * the Worker's local directory by {@link io.quarry.scheduler.worker.JobLocalizer}), and keeps
 * their state, progress, counters and errors for the next heartbeat
 * ({@link io.quarry.scheduler.worker.AttemptRunner#heartbeatReports}).
 *
 * <p>A finished map's output is registered in the shuffle's
 * {@link io.quarry.scheduler.shuffle.MapOutputRegistry} and served by the Worker's shuffle
 * server; reducers learn where map outputs are from the Scheduler
 * ({@link io.quarry.scheduler.worker.SchedulerMapOutputLocator}) and report fetches that fail, then
 * wait for the map's re-run ({@code ReportingMapOutputFetcher}). Reduce and map-only attempts
 * commit only with the Scheduler's {@link io.quarry.scheduler.worker.CommitPermission}. Kills
 * interrupt the attempt; an attempt silent for {@code mapreduce.task.timeout} (checked by
 * {@link io.quarry.scheduler.worker.AttemptRunner#checkTimeouts} against an injected clock, each
 * heartbeat) fails. Whatever an attempt throws, Errors included, fails only that attempt.
 */
package io.quarry.scheduler.worker;
