package io.quarry.scheduler.core;

import io.quarry.common.time.Clock;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.AttemptEvents.Times;
import io.quarry.scheduler.core.SchedulerAction.JobCompleted;
import io.quarry.scheduler.core.SchedulerAction.KillAttempt;
import io.quarry.scheduler.core.SchedulerAction.ReregisterWorker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Scheduler's decision-making, free of transport and threads: the daemon feeds it events
 * (worker registrations and heartbeats, job submissions and kills, fetch failures, expiry checks)
 * from one thread, and carries out the {@link SchedulerAction}s each call returns. Time comes from
 * the injected clock, so a test drives the whole cluster by hand.
 */
public final class SchedulerCore {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerCore.class);

    private final SchedulerConfig config;
    private final Clock clock;
    private final WorkerRegistry workers = new WorkerRegistry();
    private final Map<JobId, JobInProgress> active = new LinkedHashMap<>();
    private final JobHistory history;
    private final TaskAssigner assigner;
    private final AttemptEvents events;
    private final OutputConfirmations confirmations = new OutputConfirmations();

    public SchedulerCore(SchedulerConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.history = new JobHistory(config.historyRetainedJobs());
        this.assigner = new TaskAssigner(config, workers, new SpeculationPolicy());
        this.events = new AttemptEvents(workers);
    }

    /** A worker joins (or rejoins after a restart: whatever it ran before is lost). */
    public List<SchedulerAction> registerWorker(WorkerInfo worker) {
        return registerWorker(worker, Set.of());
    }

    /**
     * A worker joins holding the map outputs {@code heldOutputs} (after a change of active
     * Scheduler): recovered maps whose output it was expected to hold and does not run again.
     */
    public List<SchedulerAction> registerWorker(WorkerInfo worker, Set<TaskAttemptId> heldOutputs) {
        List<SchedulerAction> actions = new ArrayList<>();
        for (TaskAttemptId lost : confirmations.confirm(worker.id(), heldOutputs)) {
            JobInProgress job = active.get(lost.jobId());
            TaskInProgress map = job == null ? null : job.task(lost.taskId());
            if (map != null && map.succeededAttempt() != null && map.succeededAttempt().id().equals(lost)) {
                events.recoveredOutputLost(job, map, "worker " + worker.id() + " registered again without the output of " + lost,
                        actions);
            }
        }
        boolean known = workers.isLive(worker.id());
        if (known) {
            events.workerLost(worker.id(), jobs(), now(), actions);
        }
        workers.register(worker, clock.monotonicMillis());
        LOG.info("worker {} registered on {} in {} ({} map, {} reduce slots){}", worker.id(), worker.host(), worker.rack(),
                worker.mapSlots(), worker.reduceSlots(), known ? " again; its earlier attempts are lost" : "");
        return settle(actions);
    }

    /**
     * Takes over a job the previous active Scheduler was running: the tasks it recorded as succeeded
     * stay done (a map's output until its Worker, registering again, says it lost it, or does not
     * register within the worker expiry), the others run again with attempt numbers from
     * {@code attemptBase} on. A job whose tasks all succeeded commits its output (again: the commit
     * is idempotent).
     */
    public List<SchedulerAction> recoverJob(JobSpec spec, int attemptBase, List<RecoveredTask> succeeded) {
        if (active.containsKey(spec.id()) || history.get(spec.id()).isPresent()) {
            throw new IllegalArgumentException("job " + spec.id() + " is already known; it cannot be recovered");
        }
        JobInProgress job = new JobInProgress(spec, config.forJob(spec.conf()), clock.currentTimeMillis());
        for (TaskType type : TaskType.values()) {
            for (TaskInProgress task : job.tasks(type)) {
                task.numberAttemptsFrom(attemptBase);
            }
        }
        long now = clock.monotonicMillis();
        for (RecoveredTask recovered : succeeded) {
            TaskInProgress task = job.task(recovered.attempt().taskId());
            if (task == null) {
                throw new IllegalArgumentException("job " + spec.id() + " has no task " + recovered.attempt().taskId()
                        + " for the recorded attempt " + recovered.attempt());
            }
            if (!task.isSucceeded()) {
                task.recoverSucceeded(recovered.attempt(), recovered.workerId(), now);
                job.unmarkPending(task);
                job.countSucceeded(task.id().type(), 1);
            }
        }
        active.put(spec.id(), job);
        if (!job.reducePhaseDone()) {
            for (TaskInProgress map : job.tasks(TaskType.MAP)) {
                TaskAttempt winner = map.succeededAttempt();
                if (winner != null) {
                    confirmations.expect(winner.workerId(), winner.id(), now + config.workerExpiry().toMillis());
                }
            }
        }
        LOG.info("{} ({}) recovered from the previous active: {}/{} maps and {}/{} reduces already succeeded", spec.id(),
                spec.name(), job.succeeded(TaskType.MAP), spec.splits().size(), job.succeeded(TaskType.REDUCE), spec.reduces());
        List<SchedulerAction> actions = new ArrayList<>();
        if (job.succeeded(TaskType.MAP) == spec.splits().size() && job.reducePhaseDone()) {
            events.startCommit(job, actions);
        }
        return settle(actions);
    }

    /** Puts a job the previous active Scheduler finished into the history, so its status stays queryable. */
    public void recoverFinished(JobStatus status) {
        if (!active.containsKey(status.id())) {
            history.add(status);
        }
    }

    public List<SchedulerAction> submitJob(JobSpec spec) {
        if (active.containsKey(spec.id()) || history.get(spec.id()).isPresent()) {
            throw new IllegalArgumentException("job " + spec.id() + " was already submitted");
        }
        JobInProgress job = new JobInProgress(spec, config.forJob(spec.conf()), clock.currentTimeMillis());
        active.put(spec.id(), job);
        LOG.info("{} ({}) submitted by {}: {} maps, {} reduces", spec.id(), spec.name(), spec.user(), spec.splits().size(),
                spec.reduces());
        List<SchedulerAction> actions = new ArrayList<>();
        if (spec.splits().isEmpty() && spec.reduces() == 0) {
            events.startCommit(job, actions);
        }
        return settle(actions);
    }

    /** A worker reports its attempts; the answer kills what is no longer wanted and fills its free slots. */
    public List<SchedulerAction> heartbeat(Heartbeat heartbeat) {
        List<SchedulerAction> actions = new ArrayList<>();
        String workerId = heartbeat.workerId();
        if (!workers.isLive(workerId)) {
            actions.add(new ReregisterWorker(workerId));
            return actions;
        }
        Times now = now();
        workers.heardFrom(workerId, now.monotonic());
        for (AttemptReport report : heartbeat.reports()) {
            applyReport(workerId, report, now, actions);
        }
        actions.addAll(assigner.assign(workers.info(workerId), jobs(), now.monotonic()));
        return settle(actions);
    }

    public List<SchedulerAction> reportFetchFailure(FetchFailureReport report) {
        List<SchedulerAction> actions = new ArrayList<>();
        JobInProgress job = active.get(report.mapAttempt().jobId());
        if (job != null && job.isRunning() && report.mapAttempt().type() == TaskType.MAP) {
            TaskInProgress map = job.task(report.mapAttempt().taskId());
            if (map != null) {
                events.fetchFailure(job, map, report, now(), actions);
            }
        }
        return settle(actions);
    }

    /** Whether {@code attempt} may commit its output: true for exactly one attempt of each task. */
    public boolean canCommit(TaskAttemptId attempt) {
        JobInProgress job = active.get(attempt.jobId());
        if (job == null || !job.isRunning()) {
            return false;
        }
        TaskInProgress task = job.task(attempt.taskId());
        return task != null && task.canCommit(attempt);
    }

    public List<SchedulerAction> killJob(JobId id, String reason) {
        JobInProgress job = active.get(id);
        if (job == null) {
            if (history.get(id).isPresent()) {
                return List.of();
            }
            throw new IllegalArgumentException("no job " + id + " (known: " + active.keySet() + " and " + history.all().size()
                    + " finished)");
        }
        if (job.isCommitting()) {
            // Its tasks are done and its output is being published: stopping now could leave half of it.
            LOG.info("{} is committing its output; it ends when the commit does, not killed ({})", id, reason);
            return List.of();
        }
        List<SchedulerAction> actions = new ArrayList<>();
        events.finishJob(job, JobState.KILLED, reason == null || reason.isEmpty() ? "killed" : reason, now(), actions);
        return settle(actions);
    }

    /**
     * The daemon finished committing the job's output: the job succeeded, or failed with
     * {@code error} (non-empty) when the commit failed. Ignored for a job not committing.
     */
    public List<SchedulerAction> jobCommitted(JobId id, String error) {
        JobInProgress job = active.get(id);
        if (job == null || !job.isCommitting()) {
            return List.of();
        }
        List<SchedulerAction> actions = new ArrayList<>();
        if (error == null || error.isEmpty()) {
            events.finishJob(job, JobState.SUCCEEDED, "", now(), actions);
        } else {
            events.finishJob(job, JobState.FAILED, "Job commit failed: " + error, now(), actions);
        }
        return settle(actions);
    }

    /** Declares workers silent for longer than the expiry dead; the daemon calls this periodically. */
    public List<SchedulerAction> expireWorkers() {
        List<SchedulerAction> actions = new ArrayList<>();
        Times now = now();
        for (String workerId : workers.expired(now.monotonic(), config.workerExpiry().toMillis())) {
            LOG.warn("worker {} sent no heartbeat for over {}: declared dead", workerId, config.workerExpiry());
            workers.remove(workerId);
            events.workerLost(workerId, jobs(), now, actions);
        }
        for (String workerId : confirmations.expired(now.monotonic())) {
            if (!workers.isLive(workerId)) {
                LOG.warn("worker {} did not register with this new active within {}: the map outputs it held are lost",
                        workerId, config.workerExpiry());
                events.workerLost(workerId, jobs(), now, actions);
            }
        }
        return settle(actions);
    }

    public Optional<JobStatus> jobStatus(JobId id) {
        JobInProgress job = active.get(id);
        return job != null ? Optional.of(JobStatusView.snapshot(job)) : history.get(id);
    }

    /** Finished jobs still in the history (oldest first), then running ones in submission order. */
    public List<JobStatus> jobStatuses() {
        List<JobStatus> all = new ArrayList<>(history.all());
        for (JobInProgress job : active.values()) {
            all.add(JobStatusView.snapshot(job));
        }
        return all;
    }

    /** Where each finished map of a running job has its output, by map index; reducers fetch from these. */
    public Map<Integer, MapOutputLocation> mapOutputs(JobId id) {
        Map<Integer, MapOutputLocation> outputs = new LinkedHashMap<>();
        JobInProgress job = active.get(id);
        if (job == null) {
            return outputs;
        }
        for (TaskInProgress map : job.tasks(TaskType.MAP)) {
            TaskAttempt winner = map.succeededAttempt();
            if (winner != null) {
                WorkerInfo worker = workers.info(winner.workerId());
                outputs.put(map.id().index(), new MapOutputLocation(winner.id(), winner.workerId(),
                        worker == null ? "" : worker.host()));
            }
        }
        return outputs;
    }

    public WorkerRegistry workers() {
        return workers;
    }

    /** A running job's live state, for status pages and tests; empty once it finished. */
    public Optional<JobInProgress> runningJob(JobId id) {
        return Optional.ofNullable(active.get(id));
    }

    private void applyReport(String workerId, AttemptReport report, Times now, List<SchedulerAction> actions) {
        TaskAttemptId id = report.attempt();
        JobInProgress job = active.get(id.jobId());
        TaskInProgress task = job == null ? null : job.task(id.taskId());
        TaskAttempt attempt = task == null ? null : task.attempt(id);
        if (attempt == null || !attempt.workerId().equals(workerId)) {
            if (report.state() == AttemptState.RUNNING) {
                actions.add(new KillAttempt(id, workerId, "unknown to the scheduler"));
            }
            return;
        }
        if (!attempt.isRunning()) {
            if (report.state() == AttemptState.RUNNING) {
                actions.add(new KillAttempt(id, workerId, "already " + attempt.state()));
            }
            return;
        }
        events.report(job, task, attempt, report, now, actions);
    }

    private List<JobInProgress> jobs() {
        return new ArrayList<>(active.values());
    }

    private Times now() {
        return new Times(clock.monotonicMillis(), clock.currentTimeMillis());
    }

    /** Moves jobs that just ended into the history. */
    private List<SchedulerAction> settle(List<SchedulerAction> actions) {
        for (SchedulerAction action : actions) {
            if (action instanceof JobCompleted completed) {
                active.remove(completed.status().id());
                history.add(completed.status());
            }
        }
        return actions;
    }
}
