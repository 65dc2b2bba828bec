package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.TaskId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.CommitJob;
import io.quarry.scheduler.core.SchedulerAction.JobCompleted;
import io.quarry.scheduler.core.SchedulerAction.KillAttempt;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SchedulerAction.RerunMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A cluster of simulated workers around a real {@link SchedulerCore}, driven by a manual clock one
 * second per step: every live worker heartbeats each step (in a seeded random order), attempts run
 * for the time their {@link Behavior} says and then ask to commit and succeed, or fail. Workers can
 * be killed; they then fall silent and the Scheduler must notice.
 */
final class SimulatedCluster {
    /** How one attempt behaves: how long it runs and, if it fails, with what error. */
    record Outcome(long millis, String error) {
        static Outcome succeedAfter(long millis) {
            return new Outcome(millis, null);
        }

        static Outcome failAfter(long millis, String error) {
            return new Outcome(millis, error);
        }
    }

    @FunctionalInterface
    interface Behavior {
        Outcome of(TaskAttemptId attempt, String workerId, Random random);
    }

    static final Behavior DEFAULT = (attempt, worker, random) -> Outcome.succeedAfter(5_000 + random.nextInt(10_000));

    private static final class Running {
        final LaunchAttempt launch;
        final long startMillis;
        final Outcome outcome;
        boolean committed;

        Running(LaunchAttempt launch, long startMillis, Outcome outcome) {
            this.launch = launch;
            this.startMillis = startMillis;
            this.outcome = outcome;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Random random;
    private final SchedulerCore core;
    private final List<WorkerInfo> workers = new ArrayList<>();
    private final Map<String, Boolean> alive = new LinkedHashMap<>();
    private final Map<String, Map<TaskAttemptId, Running>> running = new HashMap<>();
    private final List<SchedulerAction> log = new ArrayList<>();
    private final List<Long> logTimes = new ArrayList<>();
    private final Map<TaskId, List<TaskAttemptId>> commits = new HashMap<>();
    private final Map<JobId, JobStatus> completed = new HashMap<>();
    private final List<JobId> submitted = new ArrayList<>();
    private Behavior behavior = DEFAULT;
    /** The error each job's output commit ends with; empty for a commit that works. */
    private java.util.function.Function<JobId, String> commitOutcome = job -> "";
    private long steps;

    SimulatedCluster(SchedulerConfig config, long seed) {
        this.random = new Random(seed);
        this.core = new SchedulerCore(config, clock);
    }

    /** {@code racks} racks of {@code perRack} workers each, hosts {@code h<n>}, racks {@code /r<n>}. */
    static SimulatedCluster racks(SchedulerConfig config, long seed, int racks, int perRack, int mapSlots, int reduceSlots) {
        SimulatedCluster cluster = new SimulatedCluster(config, seed);
        for (int r = 0; r < racks; r++) {
            for (int i = 0; i < perRack; i++) {
                int n = r * perRack + i;
                cluster.addWorker(new WorkerInfo("w" + n, "h" + n, "/r" + r, mapSlots, reduceSlots));
            }
        }
        return cluster;
    }

    List<List<String>> hostsByRack() {
        Map<String, List<String>> byRack = new LinkedHashMap<>();
        for (WorkerInfo worker : workers) {
            byRack.computeIfAbsent(worker.rack(), r -> new ArrayList<>()).add(worker.host());
        }
        return new ArrayList<>(byRack.values());
    }

    void addWorker(WorkerInfo info) {
        workers.add(info);
        alive.put(info.id(), true);
        running.put(info.id(), new LinkedHashMap<>());
        execute(core.registerWorker(info));
    }

    void commitOutcome(java.util.function.Function<JobId, String> outcome) {
        this.commitOutcome = outcome;
    }

    void behave(Behavior newBehavior) {
        this.behavior = newBehavior;
    }

    SchedulerCore core() {
        return core;
    }

    ManualClock clock() {
        return clock;
    }

    Random random() {
        return random;
    }

    void submit(JobSpec spec) {
        submitted.add(spec.id());
        execute(core.submitJob(spec));
    }

    /** The worker process dies: it stops heartbeating and its attempts vanish. */
    void kill(String workerId) {
        alive.put(workerId, false);
        running.get(workerId).clear();
    }

    int runningOn(String workerId) {
        return running.get(workerId).size();
    }

    /** Attempts running on the worker as it knows them. */
    List<TaskAttemptId> attemptsOn(String workerId) {
        return new ArrayList<>(running.get(workerId).keySet());
    }

    /** One second passes: every live worker heartbeats in random order, then the Scheduler checks for silent workers. */
    void step() {
        steps++;
        clock.advance(Duration.ofSeconds(1));
        List<WorkerInfo> order = new ArrayList<>(workers);
        Collections.shuffle(order, random);
        for (WorkerInfo worker : order) {
            if (alive.get(worker.id())) {
                execute(core.heartbeat(new Heartbeat(worker.id(), reports(worker.id()))));
            }
        }
        execute(core.expireWorkers());
        checkBookkeeping();
    }

    /** After a round of heartbeats the Scheduler's view of every live worker matches what the worker runs. */
    private void checkBookkeeping() {
        int total = 0;
        for (WorkerInfo worker : workers) {
            if (alive.get(worker.id()) && core.workers().isLive(worker.id())) {
                assertThat(core.workers().runningOn(worker.id())).as("attempts the scheduler believes run on %s", worker.id())
                        .containsExactlyInAnyOrderElementsOf(running.get(worker.id()).keySet());
                total += running.get(worker.id()).size();
            } else if (core.workers().isLive(worker.id())) {
                total += core.workers().runningOn(worker.id()).size();
            }
        }
        int counted = 0;
        for (JobId id : submitted) {
            counted += core.runningJob(id).map(j -> j.running(TaskType.MAP) + j.running(TaskType.REDUCE)).orElse(0);
        }
        assertThat(counted).as("running attempts counted by the jobs").isEqualTo(total);
    }

    /** Steps until {@code done} holds; fails after {@code maxSteps}. */
    long runUntil(String what, int maxSteps, BooleanSupplier done) {
        long start = steps;
        while (!done.getAsBoolean()) {
            if (steps - start >= maxSteps) {
                throw new AssertionError("not " + what + " after " + maxSteps + " simulated seconds; jobs: "
                        + core.jobStatuses());
            }
            step();
        }
        return steps - start;
    }

    JobStatus awaitCompletion(JobId id, int maxSteps) {
        runUntil(id + " completed", maxSteps, () -> completed.containsKey(id));
        return completed.get(id);
    }

    boolean isCompleted(JobId id) {
        return completed.containsKey(id);
    }

    List<SchedulerAction> log() {
        return Collections.unmodifiableList(log);
    }

    /** The simulated time at which log entry {@code i} happened. */
    long logTime(int i) {
        return logTimes.get(i);
    }

    <T extends SchedulerAction> List<T> actions(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (SchedulerAction action : log) {
            if (type.isInstance(action)) {
                found.add(type.cast(action));
            }
        }
        return found;
    }

    Map<TaskId, List<TaskAttemptId>> commits() {
        return commits;
    }

    private List<AttemptReport> reports(String workerId) {
        List<AttemptReport> reports = new ArrayList<>();
        long now = clock.monotonicMillis();
        var iterator = running.get(workerId).values().iterator();
        while (iterator.hasNext()) {
            Running attempt = iterator.next();
            TaskAttemptId id = attempt.launch.attempt();
            long elapsed = now - attempt.startMillis;
            if (elapsed < attempt.outcome.millis()) {
                reports.add(AttemptReport.running(id, Math.min(0.99f, elapsed / (float) attempt.outcome.millis())));
            } else if (attempt.outcome.error() != null) {
                reports.add(AttemptReport.failed(id, attempt.outcome.error()));
                iterator.remove();
            } else if (attempt.committed || core.canCommit(id)) {
                if (!attempt.committed) {
                    attempt.committed = true;
                    commits.computeIfAbsent(id.taskId(), t -> new ArrayList<>()).add(id);
                }
                Counters counters = new Counters();
                counters.counter(TaskCounter.MAP_INPUT_RECORDS).increment(1);
                reports.add(AttemptReport.succeeded(id, counters));
                iterator.remove();
            } else {
                reports.add(AttemptReport.running(id, 0.99f));
            }
        }
        return reports;
    }

    void execute(List<SchedulerAction> actions) {
        for (SchedulerAction action : actions) {
            log.add(action);
            logTimes.add(clock.monotonicMillis());
            if (action instanceof LaunchAttempt launch) {
                assertThat(alive.get(launch.workerId())).as("%s launched on dead worker", launch).isTrue();
                Map<TaskAttemptId, Running> mine = running.get(launch.workerId());
                assertThat(mine).as("%s launched twice", launch.attempt()).doesNotContainKey(launch.attempt());
                mine.put(launch.attempt(), new Running(launch, clock.monotonicMillis(),
                        behavior.of(launch.attempt(), launch.workerId(), random)));
                WorkerInfo info = core.workers().info(launch.workerId());
                long slots = mine.keySet().stream().filter(a -> a.type() == launch.attempt().type()).count();
                assertThat(slots).as("attempts of one kind on %s", launch.workerId())
                        .isLessThanOrEqualTo(launch.attempt().type() == io.quarry.mapreduce.TaskType.MAP
                                ? info.mapSlots() : info.reduceSlots());
            } else if (action instanceof KillAttempt kill) {
                Map<TaskAttemptId, Running> mine = running.get(kill.workerId());
                if (mine != null) {
                    mine.remove(kill.attempt());
                }
            } else if (action instanceof JobCompleted done) {
                assertThat(completed).as("%s completed twice", done.status().id()).doesNotContainKey(done.status().id());
                completed.put(done.status().id(), done.status());
            } else if (action instanceof RerunMap) {
                // Reducers would stop fetching from the lost attempt; nothing runs here.
            } else if (action instanceof CommitJob commit) {
                execute(core.jobCommitted(commit.job(), commitOutcome.apply(commit.job())));
            }
        }
    }
}
