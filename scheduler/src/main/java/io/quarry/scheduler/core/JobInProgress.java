package io.quarry.scheduler.core;

import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One running job: its tasks, which of them wait for an attempt, its state and framework
 * counters, and the workers excluded for it. Mutated only by the scheduling thread.
 */
public final class JobInProgress {
    private final JobSpec spec;
    private final SchedulerConfig settings;
    private final FailurePolicy failurePolicy;
    private final long submitWallMillis;
    private final List<TaskInProgress> maps;
    private final List<TaskInProgress> reduces;
    private final LocalityIndex pendingMaps = new LocalityIndex();
    private final TreeSet<Integer> pendingReduces = new TreeSet<>();
    private final LocalityDelay delay = new LocalityDelay();
    private final TaskInProgress.RunningTally runningMaps = new TaskInProgress.RunningTally();
    private final TaskInProgress.RunningTally runningReduces = new TaskInProgress.RunningTally();
    private final Counters jobCounters = new Counters();
    private final Map<String, Integer> failuresByWorker = new HashMap<>();
    private final Set<String> excludedWorkers = new HashSet<>();
    private JobState state = JobState.RUNNING;
    /** Every task succeeded and the job's output is being committed; the job stays RUNNING until that ends. */
    private boolean committing;
    private String failure = "";
    private long finishWallMillis;
    private final long[] succeededMillis = new long[TaskType.values().length];
    private final int[] timedTasks = new int[TaskType.values().length];
    private int succeededMaps;
    private int succeededReduces;

    JobInProgress(JobSpec spec, SchedulerConfig settings, long submitWallMillis) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.failurePolicy = new FailurePolicy(settings);
        this.submitWallMillis = submitWallMillis;
        List<TaskInProgress> mapTasks = new ArrayList<>(spec.splits().size());
        for (int i = 0; i < spec.splits().size(); i++) {
            TaskInProgress task = new TaskInProgress(new TaskId(spec.id(), TaskType.MAP, i), spec.splits().get(i), runningMaps);
            mapTasks.add(task);
            pendingMaps.add(i, task.preferredHosts(), false);
        }
        List<TaskInProgress> reduceTasks = new ArrayList<>(spec.reduces());
        for (int i = 0; i < spec.reduces(); i++) {
            reduceTasks.add(new TaskInProgress(new TaskId(spec.id(), TaskType.REDUCE, i), null, runningReduces));
            pendingReduces.add(i);
        }
        this.maps = Collections.unmodifiableList(mapTasks);
        this.reduces = Collections.unmodifiableList(reduceTasks);
    }

    public JobId id() {
        return spec.id();
    }

    public JobSpec spec() {
        return spec;
    }

    /** The Scheduler's settings with the job's own overrides applied. */
    public SchedulerConfig settings() {
        return settings;
    }

    FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    public JobState state() {
        return state;
    }

    public String failure() {
        return failure;
    }

    public long submitWallMillis() {
        return submitWallMillis;
    }

    public long finishWallMillis() {
        return finishWallMillis;
    }

    public List<TaskInProgress> tasks(TaskType type) {
        return type == TaskType.MAP ? maps : reduces;
    }

    public TaskInProgress task(TaskId taskId) {
        if (!taskId.jobId().equals(spec.id())) {
            return null;
        }
        List<TaskInProgress> tasks = tasks(taskId.type());
        return taskId.index() < tasks.size() ? tasks.get(taskId.index()) : null;
    }

    public Counters jobCounters() {
        return jobCounters;
    }

    public boolean isExcluded(String workerId) {
        return excludedWorkers.contains(workerId);
    }

    public Set<String> excludedWorkers() {
        return Collections.unmodifiableSet(excludedWorkers);
    }

    public int succeeded(TaskType type) {
        return type == TaskType.MAP ? succeededMaps : succeededReduces;
    }

    public int pending(TaskType type) {
        return type == TaskType.MAP ? pendingMaps.size() : pendingReduces.size();
    }

    /** Running attempts of one kind, speculative ones included. */
    public int running(TaskType type) {
        return (type == TaskType.MAP ? runningMaps : runningReduces).running();
    }

    /** Tasks of one kind that have a running attempt. */
    Collection<TaskInProgress> runningTasks(TaskType type) {
        return (type == TaskType.MAP ? runningMaps : runningReduces).tasks();
    }

    /** Mean run time of the winning attempts of one kind so far; 0 before any finished. */
    double meanSucceededMillis(TaskType type) {
        int count = timedTasks[type.ordinal()];
        return count == 0 ? 0 : succeededMillis[type.ordinal()] / (double) count;
    }

    void recordSucceeded(TaskType type, long millis) {
        succeededMillis[type.ordinal()] += millis;
        timedTasks[type.ordinal()]++;
    }

    /** Every reduce has succeeded, so no map output is needed any more (a map-only job's output is already in the filesystem). */
    public boolean reducePhaseDone() {
        return succeededReduces == reduces.size();
    }

    boolean isRunning() {
        return state == JobState.RUNNING;
    }

    LocalityIndex pendingMaps() {
        return pendingMaps;
    }

    TreeSet<Integer> pendingReduces() {
        return pendingReduces;
    }

    LocalityDelay delay() {
        return delay;
    }

    /** Reduces may start once enough maps have finished. */
    boolean reducesReady(double slowstart) {
        return succeededMaps >= Math.ceil(slowstart * maps.size());
    }

    void markPending(TaskInProgress task) {
        TaskId id = task.id();
        if (id.type() == TaskType.MAP) {
            pendingMaps.add(id.index(), task.preferredHosts(), !task.attempts().isEmpty());
        } else {
            pendingReduces.add(id.index());
        }
    }

    void unmarkPending(TaskInProgress task) {
        TaskId id = task.id();
        if (id.type() == TaskType.MAP) {
            pendingMaps.remove(id.index());
        } else {
            pendingReduces.remove(id.index());
        }
    }

    void countSucceeded(TaskType type, int delta) {
        if (type == TaskType.MAP) {
            succeededMaps += delta;
        } else {
            succeededReduces += delta;
        }
    }

    /** Counts a failure on a worker; returns true when this one excludes the worker. */
    boolean recordFailureOn(String workerId, int limit) {
        int failures = failuresByWorker.merge(workerId, 1, Integer::sum);
        return failures >= limit && excludedWorkers.add(workerId);
    }

    void increment(JobCounter counter) {
        jobCounters.counter(counter).increment();
    }

    void increment(JobCounter counter, long amount) {
        jobCounters.counter(counter).increment(amount);
    }

    boolean isCommitting() {
        return committing;
    }

    void startCommit() {
        committing = true;
    }

    void finish(JobState finalState, String why, long wallMillis) {
        if (!finalState.isFinished()) {
            throw new IllegalArgumentException("job " + spec.id() + " cannot finish as " + finalState);
        }
        state = finalState;
        failure = why == null ? "" : why;
        finishWallMillis = wallMillis;
    }

    @Override
    public String toString() {
        return spec.id() + "[" + state + ", maps " + succeededMaps + "/" + maps.size() + ", reduces " + succeededReduces + "/"
                + reduces.size() + "]";
    }
}
