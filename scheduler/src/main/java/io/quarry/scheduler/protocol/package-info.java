/**
 * The Scheduler's wire protocol: immutable records registered with the shared Kryo codec by
 * {@link io.quarry.scheduler.protocol.SchedulerMessages} (ids 2000-2999). Ids of jobs, tasks and
 * attempts travel as their printed form ({@code attempt_..._m_000003_0}); counters as nested maps
 * (group, counter, value). Input splits travel as {@link io.quarry.scheduler.protocol.SerializedSplit}:
 * the Scheduler only needs their length and hosts and hands the bytes back to the Worker, so it never
 * instantiates a job's own classes.
 */
package io.quarry.scheduler.protocol;
