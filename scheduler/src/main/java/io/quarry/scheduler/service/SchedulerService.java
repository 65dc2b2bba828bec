package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.rpc.RpcService;
import io.quarry.common.time.Clock;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.scheduler.core.AttemptReport;
import io.quarry.scheduler.core.FetchFailureReport;
import io.quarry.scheduler.core.Heartbeat;
import io.quarry.scheduler.core.JobSpec;
import io.quarry.scheduler.core.SchedulerConfig;
import io.quarry.scheduler.core.SchedulerCore;
import io.quarry.scheduler.core.WorkerInfo;
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
import io.quarry.scheduler.protocol.WireAttemptReport;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.protocol.WireMapOutput;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.scheduler.core.RecoveredTask;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Scheduler protocol. Owns one {@link SchedulerCore} and runs every call, and the
 * periodic worker expiry, on one event thread; RPC I/O threads only hand calls over, so
 * {@link #handle} never blocks. Launches and kills wait in their worker's queue until its next
 * heartbeat. Bad ids and unknown jobs are answered with INVALID_ARGUMENT errors that name them.
 */
public final class SchedulerService implements RpcService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);

    private final SchedulerCore core;
    private final ScheduledExecutorService eventThread;
    private final InstructionQueues queues = new InstructionQueues();
    /** Each registered worker's shuffle port, by worker id; reducers fetch map outputs there. */
    private final Map<String, Integer> shufflePorts = new HashMap<>();
    private final Map<JobId, SubmittedJob> jobs = new HashMap<>();
    private final ActionTranslator actions;
    private final JobOutputCommitter committer;
    private final StateRecorder state;
    private final String jobIdOrigin;
    private final HeartbeatPacing pacing;
    private int nextJobSequence = 1;

    /**
     * @param expiryCheckInterval how often silent workers are looked for; zero or negative for never
     *                            (tests call {@link #expireWorkers()} instead)
     */
    public SchedulerService(SchedulerConfig config, Clock clock, Duration expiryCheckInterval) {
        this(config, clock, expiryCheckInterval, new HeartbeatPacing(Duration.ofMillis(50), 500));
    }

    SchedulerService(SchedulerConfig config, Clock clock, Duration expiryCheckInterval, HeartbeatPacing pacing) {
        this(config, clock, expiryCheckInterval, pacing, SchedulerStateStore.NONE, e -> { });
    }

    /**
     * @param store       where an HA Scheduler keeps its state; {@link SchedulerStateStore#NONE} without HA
     * @param storeFailed told once when a state write fails: this Scheduler must stop being the active
     */
    SchedulerService(SchedulerConfig config, Clock clock, Duration expiryCheckInterval, HeartbeatPacing pacing,
                     SchedulerStateStore store, Consumer<Exception> storeFailed) {
        requireNonNull(clock, "clock is null");
        this.pacing = requireNonNull(pacing, "pacing is null");
        this.core = new SchedulerCore(config, clock);
        this.committer = new JobOutputCommitter(this::committed);
        this.state = new StateRecorder(store, storeFailed);
        this.actions = new ActionTranslator(queues, jobs, committer, state);
        this.jobIdOrigin = Long.toString(clock.currentTimeMillis());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, Threads.named("scheduler-event-%d"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.eventThread = executor;
        if (!expiryCheckInterval.isZero() && !expiryCheckInterval.isNegative()) {
            long millis = expiryCheckInterval.toMillis();
            eventThread.scheduleWithFixedDelay(this::expireOnEventThread, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public CompletionStage<?> handle(CallContext context, Object request) {
        return onEventThread(() -> route(context, request));
    }

    /** Declares silent workers dead now (the periodic check does the same); completes once done. */
    public CompletableFuture<Object> expireWorkers() {
        return onEventThread(() -> {
            expireOnEventThread();
            return null;
        });
    }

    /** Where this service keeps its state ({@link SchedulerStateStore#NONE} without HA). */
    SchedulerStateStore stateStore() {
        return state.store();
    }

    /**
     * HA: takes over the jobs the previous actives left (see {@link SchedulerCore#recoverJob}) and
     * their history; completes once done, before this Scheduler serves as the active.
     */
    CompletableFuture<Object> recover(RecoveredState recovered) {
        return onEventThread(() -> {
            for (JobStatus finished : recovered.finished()) {
                core.recoverFinished(finished);
            }
            for (RecoveredState.Job job : recovered.running()) {
                recoverJob(job);
            }
            return null;
        });
    }

    private void recoverJob(RecoveredState.Job recovered) throws QuarryException {
        SubmitJob r = recovered.submission();
        JobId id = WireForms.jobId(r.jobId());
        List<InputSplit> splits = new ArrayList<>(r.splits());
        JobSpec spec = new JobSpec(id, r.user(), r.name(), splits, r.reduces(), Configuration.of(r.conf()));
        SubmittedJob job = new SubmittedJob(id, r.conf(), r.jarPath(), splits.size());
        Set<TaskId> succeeded = new HashSet<>();
        for (RecoveredTask task : recovered.succeeded()) {
            succeeded.add(task.attempt().taskId());
        }
        try {
            committer.discardUnrecordedTaskCommits(job, succeeded);
        } catch (IOException | RuntimeException e) {
            throw new QuarryException(ErrorCode.UNAVAILABLE, "Cannot resume " + id + ": its uncommitted task outputs could not be"
                    + " cleaned up: " + e.getMessage(), e);
        }
        jobs.put(id, job);
        actions.apply(core.recoverJob(spec, recovered.attemptBase(), recovered.succeeded()));
    }

    /** A job's output commit ended (on the commit thread): the job ends on the event thread. */
    private void committed(JobId id, String error) {
        onEventThread(() -> {
            actions.apply(core.jobCommitted(id, error));
            return null;
        });
    }

    private void expireOnEventThread() {
        try {
            actions.apply(core.expireWorkers());
            for (String workerId : queues.workers()) {
                if (!core.workers().isLive(workerId)) {
                    queues.forget(workerId);
                    shufflePorts.remove(workerId);
                }
            }
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep checking.
            LOG.error("worker expiry check failed", e);
        }
    }

    private Object route(CallContext context, Object request) throws QuarryException {
        if (state.isBroken()) {
            throw new QuarryException(ErrorCode.STANDBY, "This Scheduler is stepping down: it could not save its state");
        }
        if (request instanceof WorkerHeartbeat r) {
            return heartbeat(r);
        } else if (request instanceof RegisterWorker r) {
            return register(r);
        } else if (request instanceof CanCommit r) {
            return new CanCommitResponse(core.canCommit(WireForms.attemptId(r.attemptId())));
        } else if (request instanceof GetMapOutputs r) {
            return mapOutputs(WireForms.jobId(r.jobId()));
        } else if (request instanceof ReportFetchFailure r) {
            actions.apply(core.reportFetchFailure(new FetchFailureReport(WireForms.attemptId(r.reduceAttemptId()),
                    WireForms.attemptId(r.mapAttemptId()), r.error())));
            return null;
        } else if (request instanceof SubmitJob r) {
            return submit(context, r);
        } else if (request instanceof GetJobStatus r) {
            JobId id = WireForms.jobId(r.jobId());
            return WireForms.status(core.jobStatus(id).orElseThrow(() -> unknownJob(id)));
        } else if (request instanceof ListJobs) {
            List<WireJobStatus> all = new ArrayList<>();
            for (JobStatus status : core.jobStatuses()) {
                all.add(WireForms.status(status));
            }
            return new JobList(all);
        } else if (request instanceof KillJob r) {
            JobId id = WireForms.jobId(r.jobId());
            if (core.jobStatus(id).isEmpty()) {
                throw unknownJob(id);
            }
            actions.apply(core.killJob(id, r.reason().isEmpty() ? "killed by " + context.user() : r.reason()));
            return null;
        }
        throw new QuarryException(ErrorCode.UNKNOWN_REQUEST, "The Scheduler does not serve "
                + (request == null ? "null" : request.getClass().getSimpleName()));
    }

    private Object register(RegisterWorker r) throws QuarryException {
        if (r.shufflePort() < 1 || r.shufflePort() > 65535) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Worker " + r.workerId() + " on " + r.host()
                    + " registered with shuffle port " + r.shufflePort() + "; it must be 1-65535");
        }
        queues.reset(r.workerId());
        shufflePorts.put(r.workerId(), r.shufflePort());
        Set<TaskAttemptId> held = new HashSet<>();
        for (String attempt : r.heldMapOutputs()) {
            held.add(WireForms.attemptId(attempt));
        }
        actions.apply(core.registerWorker(new WorkerInfo(r.workerId(), r.host(), r.rack(), r.mapSlots(), r.reduceSlots()), held));
        return null;
    }

    private MapOutputs mapOutputs(JobId id) throws QuarryException {
        JobStatus status = core.jobStatus(id).orElseThrow(() -> unknownJob(id));
        if (status.state() != JobState.RUNNING) {
            return new MapOutputs(status.state().name(), status.failure(), List.of());
        }
        List<WireMapOutput> outputs = new ArrayList<>();
        core.mapOutputs(id).forEach((index, location) -> {
            Integer port = shufflePorts.get(location.workerId());
            if (port != null) {
                outputs.add(new WireMapOutput(index, location.attempt().toString(), location.host(), port));
            }
        });
        return new MapOutputs(status.state().name(), "", outputs);
    }

    private HeartbeatResponse heartbeat(WorkerHeartbeat r) throws QuarryException {
        List<AttemptReport> reports = new ArrayList<>(r.reports().size());
        for (WireAttemptReport report : r.reports()) {
            reports.add(WireForms.report(report));
        }
        boolean reregister = actions.apply(core.heartbeat(new Heartbeat(r.workerId(), reports))).contains(r.workerId());
        if (reregister) {
            queues.forget(r.workerId());
            return new HeartbeatResponse(List.of(), true, 0);
        }
        return new HeartbeatResponse(queues.drain(r.workerId()), false, pacing.nextIntervalMillis(core.workers().liveCount()));
    }

    private SubmitJobResponse submit(CallContext context, SubmitJob r) throws QuarryException {
        JobId id = r.jobId().isEmpty() ? new JobId(jobIdOrigin, nextJobSequence++) : WireForms.jobId(r.jobId());
        if (id.origin().equals(jobIdOrigin) && id.sequence() >= nextJobSequence) {
            nextJobSequence = id.sequence() + 1;
        }
        String user = r.user().isEmpty() && context.user() != null ? context.user() : r.user();
        List<InputSplit> splits = new ArrayList<>(r.splits());
        JobSpec spec = new JobSpec(id, user, r.name(), splits, r.reduces(), Configuration.of(r.conf()));
        if (core.jobStatus(id).isPresent()) {
            if (isRetryOf(jobs.get(id), r)) {
                // The client retried after a failover: the first attempt got through.
                return new SubmitJobResponse(id.toString());
            }
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Job " + id + " was already submitted");
        }
        SubmitJob recorded = new SubmitJob(id.toString(), user, r.name(), r.conf(), r.jarPath(), r.splits(), r.reduces());
        state.record("record the submission of " + id, store -> store.jobSubmitted(recorded));
        jobs.put(id, new SubmittedJob(id, r.conf(), r.jarPath(), splits.size()));
        try {
            actions.apply(core.submitJob(spec));
        } catch (IllegalArgumentException e) {
            jobs.remove(id);
            state.record("forget the refused submission of " + id, store -> store.jobForgotten(id));
            throw e;
        } catch (RuntimeException e) {
            jobs.remove(id);
            throw e;
        }
        return new SubmitJobResponse(id.toString());
    }

    /** A submission naming a job already running from the same staging directory is the same submission, retried. */
    private static boolean isRetryOf(SubmittedJob known, SubmitJob r) {
        if (known == null) {
            return false;
        }
        String stagingDir = known.conf().get(MapReduceConfigKeys.JOB_DIR.name());
        return stagingDir != null && !stagingDir.isEmpty() && stagingDir.equals(r.conf().get(MapReduceConfigKeys.JOB_DIR.name()));
    }

    private static QuarryException unknownJob(JobId id) {
        return new QuarryException(ErrorCode.INVALID_ARGUMENT, "No job " + id + " is known to the Scheduler (neither running nor in its history)");
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws QuarryException;
    }

    private CompletableFuture<Object> onEventThread(Call call) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            eventThread.execute(() -> {
                try {
                    result.complete(call.run());
                } catch (QuarryException e) {
                    result.completeExceptionally(e);
                } catch (StateRecorder.StateUnavailableException e) {
                    result.completeExceptionally(new QuarryException(ErrorCode.STANDBY, e.getMessage(), e));
                } catch (IllegalArgumentException e) {
                    // The core refuses bad requests (duplicate job, unknown job, bad slots) this way.
                    result.completeExceptionally(new QuarryException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e));
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new QuarryException(ErrorCode.UNAVAILABLE, "The Scheduler is shutting down"));
        }
        return result;
    }

    @Override
    public void close() {
        committer.close();
        eventThread.shutdownNow();
        try {
            if (!eventThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Scheduler event thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
