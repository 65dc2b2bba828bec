package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RpcClient;
import io.quarry.scheduler.protocol.CanCommit;
import io.quarry.scheduler.protocol.CanCommitResponse;
import io.quarry.scheduler.protocol.GetJobStatus;
import io.quarry.scheduler.protocol.GetMapOutputs;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.JobList;
import io.quarry.scheduler.protocol.KillJob;
import io.quarry.scheduler.protocol.ListJobs;
import io.quarry.scheduler.protocol.MapOutputs;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.ReportFetchFailure;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.SubmitJobResponse;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import java.util.List;

/** Typed calls to a Scheduler; safe for use by many threads. */
public final class SchedulerClient implements AutoCloseable {
    private final HostAndPort address;
    private final RpcClient rpc;

    public SchedulerClient(HostAndPort address, Configuration conf) {
        this.address = requireNonNull(address, "address is null");
        this.rpc = new RpcClient("scheduler-client", conf);
    }

    public HostAndPort address() {
        return address;
    }

    public void registerWorker(RegisterWorker request) throws QuarryException {
        rpc.call(address, request, Ack.class);
    }

    public HeartbeatResponse heartbeat(WorkerHeartbeat request) throws QuarryException {
        return rpc.call(address, request, HeartbeatResponse.class);
    }

    /** Submits a job and returns the id it runs under. */
    public String submitJob(SubmitJob request) throws QuarryException {
        return rpc.call(address, request, SubmitJobResponse.class).jobId();
    }

    public WireJobStatus jobStatus(String jobId) throws QuarryException {
        return rpc.call(address, new GetJobStatus(jobId), WireJobStatus.class);
    }

    public List<WireJobStatus> listJobs() throws QuarryException {
        return rpc.call(address, new ListJobs(), JobList.class).jobs();
    }

    public void killJob(String jobId, String reason) throws QuarryException {
        rpc.call(address, new KillJob(jobId, reason), Ack.class);
    }

    public boolean canCommit(String attemptId) throws QuarryException {
        return rpc.call(address, new CanCommit(attemptId), CanCommitResponse.class).allowed();
    }

    /** Where the finished maps of a job have their output, and whether the job still runs. */
    public MapOutputs mapOutputs(String jobId) throws QuarryException {
        return rpc.call(address, new GetMapOutputs(jobId), MapOutputs.class);
    }

    public void reportFetchFailure(String reduceAttemptId, String mapAttemptId, String error) throws QuarryException {
        rpc.call(address, new ReportFetchFailure(reduceAttemptId, mapAttemptId, error), Ack.class);
    }

    @Override
    public void close() {
        rpc.close();
    }
}
