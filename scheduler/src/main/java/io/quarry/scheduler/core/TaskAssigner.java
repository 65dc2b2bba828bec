package io.quarry.scheduler.core;

import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a heartbeating worker's free slots. For each free slot the jobs are offered it in fair-share
 * order; a job takes a node-local map if it has one, otherwise rack-local or off-rack only once
 * its {@link LocalityDelay} allows, and otherwise skips the offer. Maps that run again (failed, or
 * their output was lost while reduces wait for it) go first and never wait for locality; they avoid
 * workers they failed on. Reduces start once enough maps
 * finished. Slots still free afterwards go to speculative backups of stragglers.
 */
final class TaskAssigner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskAssigner.class);

    private final SchedulerConfig config;
    private final WorkerRegistry workers;
    private final SpeculationPolicy speculation;

    TaskAssigner(SchedulerConfig config, WorkerRegistry workers, SpeculationPolicy speculation) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.workers = Objects.requireNonNull(workers, "workers is null");
        this.speculation = Objects.requireNonNull(speculation, "speculation is null");
    }

    List<LaunchAttempt> assign(WorkerInfo worker, List<JobInProgress> jobsInSubmitOrder, long nowMillis) {
        List<LaunchAttempt> launches = new ArrayList<>();
        List<JobInProgress> runnable = new ArrayList<>();
        for (JobInProgress job : jobsInSubmitOrder) {
            if (job.isRunning() && !excludedFor(job, worker.id())) {
                runnable.add(job);
            }
        }
        if (runnable.isEmpty()) {
            return launches;
        }
        fillMaps(worker, runnable, nowMillis, launches);
        fillReduces(worker, runnable, nowMillis, launches);
        for (TaskType type : TaskType.values()) {
            fillSpeculative(worker, runnable, type, nowMillis, launches);
        }
        return launches;
    }

    private void fillMaps(WorkerInfo worker, List<JobInProgress> runnable, long nowMillis, List<LaunchAttempt> launches) {
        Set<JobInProgress> skipped = new HashSet<>();
        int live = workers.liveCount();
        int nodeDelay = config.effectiveNodeDelay(live);
        int rackDelay = config.effectiveRackDelay(live);
        while (workers.freeSlots(worker.id(), TaskType.MAP) > 0) {
            LaunchAttempt launched = null;
            for (JobInProgress job : FairShare.order(runnable, TaskType.MAP, workers.totalSlots(TaskType.MAP))) {
                if (job.pending(TaskType.MAP) == 0 || skipped.contains(job)) {
                    continue;
                }
                launched = pickMap(job, worker, nodeDelay, rackDelay, nowMillis);
                if (launched != null) {
                    break;
                }
                skipped.add(job);
            }
            if (launched == null) {
                return;
            }
            launches.add(launched);
        }
    }

    /** A map of {@code job} for {@code worker}, or null after counting a skipped opportunity when locality says wait. */
    private LaunchAttempt pickMap(JobInProgress job, WorkerInfo worker, int nodeDelay, int rackDelay, long nowMillis) {
        LocalityIndex index = job.pendingMaps();
        IntPredicate allowed = i -> mayRunOn(job.tasks(TaskType.MAP).get(i), worker.id());
        int task = index.nodeLocal(worker.host(), allowed);
        if (task >= 0) {
            return launch(job, job.tasks(TaskType.MAP).get(task), worker, Locality.NODE_LOCAL, false, nowMillis);
        }
        task = index.retry(allowed);
        if (task >= 0) {
            TaskInProgress retry = job.tasks(TaskType.MAP).get(task);
            return launch(job, retry, worker, localityOf(retry, worker), false, nowMillis);
        }
        Locality level = job.delay().allowed(nodeDelay, rackDelay);
        if (level != Locality.NODE_LOCAL) {
            task = index.rackLocal(workers.hostsInRack(worker.rack()), allowed);
            if (task >= 0) {
                return launch(job, job.tasks(TaskType.MAP).get(task), worker, Locality.RACK_LOCAL, false, nowMillis);
            }
        }
        task = index.unlocated(allowed);
        if (task >= 0) {
            return launch(job, job.tasks(TaskType.MAP).get(task), worker, Locality.OFF_RACK, false, nowMillis);
        }
        if (level == Locality.OFF_RACK) {
            task = index.anyLocated(allowed);
            if (task >= 0) {
                return launch(job, job.tasks(TaskType.MAP).get(task), worker, Locality.OFF_RACK, false, nowMillis);
            }
        }
        if (index.hasLocated()) {
            job.delay().skip();
            LOG.debug("{} skips a map slot on {} waiting for locality ({} skipped)", job.id(), worker.id(), job.delay().skipped());
        }
        return null;
    }

    private void fillReduces(WorkerInfo worker, List<JobInProgress> runnable, long nowMillis, List<LaunchAttempt> launches) {
        Set<JobInProgress> nothingHere = new HashSet<>();
        while (workers.freeSlots(worker.id(), TaskType.REDUCE) > 0) {
            LaunchAttempt launched = null;
            for (JobInProgress job : FairShare.order(runnable, TaskType.REDUCE, workers.totalSlots(TaskType.REDUCE))) {
                if (job.pending(TaskType.REDUCE) == 0 || nothingHere.contains(job)
                        || !job.reducesReady(job.settings().reduceSlowstart())) {
                    continue;
                }
                for (int index : job.pendingReduces()) {
                    TaskInProgress task = job.tasks(TaskType.REDUCE).get(index);
                    if (mayRunOn(task, worker.id())) {
                        launched = launch(job, task, worker, null, false, nowMillis);
                        break;
                    }
                }
                if (launched != null) {
                    break;
                }
                nothingHere.add(job);
            }
            if (launched == null) {
                return;
            }
            launches.add(launched);
        }
    }

    private void fillSpeculative(WorkerInfo worker, List<JobInProgress> runnable, TaskType type, long nowMillis,
                                 List<LaunchAttempt> launches) {
        for (JobInProgress job : runnable) {
            if (workers.freeSlots(worker.id(), type) == 0) {
                return;
            }
            if (job.pending(type) > 0) {
                continue;
            }
            for (TaskInProgress task : speculation.stragglers(job, type, nowMillis)) {
                if (workers.freeSlots(worker.id(), type) == 0) {
                    return;
                }
                TaskAttempt original = task.runningAttempts().get(0);
                if (original.workerId().equals(worker.id()) || task.failedOn(worker.id())) {
                    continue;
                }
                Locality locality = type == TaskType.MAP ? localityOf(task, worker) : null;
                LaunchAttempt launch = launch(job, task, worker, locality, true, nowMillis);
                LOG.info("{} is a straggler ({} at {}% after {} ms); backup {} on {}", task.id(), original.id(),
                        Math.round(original.progress() * 100), original.elapsedMillis(nowMillis), launch.attempt(), worker.id());
                launches.add(launch);
            }
        }
    }

    /** Exclusion is lifted while it would leave a job no live worker at all; its attempt limit still ends it. */
    private boolean excludedFor(JobInProgress job, String workerId) {
        if (!job.isExcluded(workerId)) {
            return false;
        }
        for (WorkerInfo other : workers.live()) {
            if (!job.isExcluded(other.id())) {
                return true;
            }
        }
        return false;
    }

    /** A retried task avoids workers where it already failed, unless no other live worker could take it. */
    private boolean mayRunOn(TaskInProgress task, String workerId) {
        if (!task.failedOn(workerId)) {
            return true;
        }
        for (WorkerInfo other : workers.live()) {
            if (!task.failedOn(other.id())) {
                return false;
            }
        }
        return true;
    }

    private Locality localityOf(TaskInProgress task, WorkerInfo worker) {
        List<String> hosts = task.preferredHosts();
        if (hosts.contains(worker.host())) {
            return Locality.NODE_LOCAL;
        }
        for (String host : hosts) {
            if (workers.hostsInRack(worker.rack()).contains(host)) {
                return Locality.RACK_LOCAL;
            }
        }
        return Locality.OFF_RACK;
    }

    private LaunchAttempt launch(JobInProgress job, TaskInProgress task, WorkerInfo worker, Locality locality,
                                 boolean speculative, long nowMillis) {
        TaskAttempt attempt = task.launch(worker.id(), locality, speculative, nowMillis);
        job.unmarkPending(task);
        workers.attemptStarted(worker.id(), attempt.id());
        if (task.id().type() == TaskType.MAP) {
            job.increment(JobCounter.TOTAL_LAUNCHED_MAPS);
            job.increment(switch (locality) {
                case NODE_LOCAL -> JobCounter.DATA_LOCAL_MAPS;
                case RACK_LOCAL -> JobCounter.RACK_LOCAL_MAPS;
                case OFF_RACK -> JobCounter.OTHER_LOCAL_MAPS;
            });
            if (!speculative && !task.preferredHosts().isEmpty() && task.attempts().size() == 1) {
                job.delay().launched(locality);
            }
        } else {
            job.increment(JobCounter.TOTAL_LAUNCHED_REDUCES);
        }
        LOG.debug("launch {} on {} ({}{})", attempt.id(), worker.id(), locality == null ? "reduce" : locality,
                speculative ? ", speculative" : "");
        return new LaunchAttempt(attempt.id(), worker.id(), task.split(), locality, speculative);
    }
}
