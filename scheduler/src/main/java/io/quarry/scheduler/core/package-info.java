/**
 * The Scheduler's decision-making: which task runs where, what is retried, re-run, speculated or
 * killed, and when a job ends. Pure, single-threaded and deterministic; time comes from an injected
 * {@link io.quarry.common.time.Clock}.
 *
 * <p>The daemon owns one {@link io.quarry.scheduler.core.SchedulerCore} and calls it from a single
 * event thread:
 * <ul>
 *   <li>{@code registerWorker(WorkerInfo)} when a worker (re)registers;</li>
 *   <li>{@code heartbeat(Heartbeat)} for every worker heartbeat, which lists every attempt the
 *       worker runs or has just finished; the answer holds the launches for its free slots and the
 *       kills it must carry out;</li>
 *   <li>{@code submitJob(JobSpec)} with the splits (and their block locations) already computed;</li>
 *   <li>{@code reportFetchFailure(FetchFailureReport)} when a reducer cannot fetch a map output;</li>
 *   <li>{@code canCommit(TaskAttemptId)} when an attempt asks to commit its output;</li>
 *   <li>{@code killJob(JobId, reason)} for {@code quarry job -kill};</li>
 *   <li>{@code expireWorkers()} periodically (e.g. every second) to declare silent workers dead.</li>
 * </ul>
 * Every call returns {@link io.quarry.scheduler.core.SchedulerAction}s: launch an attempt, kill an
 * attempt, a map re-runs (reducers stop fetching the lost output), a job completed, a worker must
 * re-register. Queries: {@code jobStatus}, {@code jobStatuses} (running jobs and the bounded
 * history) and {@code mapOutputs} (where reducers fetch from).
 */
package io.quarry.scheduler.core;
