package io.quarry.scheduler.protocol;

import io.quarry.common.codec.MessageRegistrar;
import io.quarry.common.codec.MessageRegistry;

/**
 * Wire ids of the Scheduler protocol: shared values 2000-2019, worker calls 2020-2039, worker
 * instructions 2040-2059, job client calls 2060-2099. Ids are part of the wire format: append new
 * messages with new ids, never renumber or reuse.
 */
public final class SchedulerMessages implements MessageRegistrar {
    @Override
    public void register(MessageRegistry registry) {
        registry.register(2000, SerializedSplit.class);
        registry.register(2001, WireAttemptReport.class);
        registry.register(2002, WireTaskCounts.class);
        registry.register(2003, WireJobStatus.class);
        registry.register(2004, WireMapOutput.class);

        registry.register(2020, RegisterWorker.class);
        registry.register(2021, WorkerHeartbeat.class);
        registry.register(2022, HeartbeatResponse.class);
        registry.register(2023, CanCommit.class);
        registry.register(2024, CanCommitResponse.class);
        registry.register(2025, ReportFetchFailure.class);
        registry.register(2026, GetMapOutputs.class);
        registry.register(2027, MapOutputs.class);

        registry.register(2040, LaunchInstruction.class);
        registry.register(2041, KillInstruction.class);
        registry.register(2042, RerunMapInstruction.class);
        registry.register(2043, CleanupJobInstruction.class);

        registry.register(2060, SubmitJob.class);
        registry.register(2061, SubmitJobResponse.class);
        registry.register(2062, GetJobStatus.class);
        registry.register(2063, ListJobs.class);
        registry.register(2064, JobList.class);
        registry.register(2065, KillJob.class);
    }
}
