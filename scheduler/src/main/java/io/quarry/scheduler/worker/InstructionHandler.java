package io.quarry.scheduler.worker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.mapreduce.runtime.MapOutput;
import io.quarry.scheduler.protocol.CleanupJobInstruction;
import io.quarry.scheduler.protocol.KillInstruction;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.RerunMapInstruction;
import io.quarry.scheduler.protocol.SerializedSplit;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WorkerInstruction;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.shuffle.MapOutputRegistry;
import io.quarry.scheduler.shuffle.ShuffleClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Carries out what a heartbeat answer tells the Worker: launches attempts (a map with its split
 * as sent, decoded by the attempt itself; a reduce with a {@link ReportingMapOutputFetcher}), kills
 * them, stops serving a lost map output, and cleans up finished jobs. An instruction that cannot
 * be carried out fails its attempt (reported with the next heartbeat), never the Worker.
 */
final class InstructionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InstructionHandler.class);
    /** Finished jobs remembered so a late launch of one fails instead of setting the job up again. */
    static final int REMEMBERED_FINISHED_JOBS = 1000;

    private final AttemptRunner runner;
    private final JobLocalizer localizer;
    private final MapOutputRegistry registry;
    private final SchedulerClient scheduler;
    private final ShuffleClient shuffle;
    private final Runnable attemptEnded;
    private final Deque<JobId> finishedJobs = new ArrayDeque<>();

    /**
     * @param attemptEnded called (on the attempt's thread) as each launched attempt ends, so its end is reported at once
     */
    InstructionHandler(AttemptRunner runner, JobLocalizer localizer, MapOutputRegistry registry, SchedulerClient scheduler,
            ShuffleClient shuffle, Runnable attemptEnded) {
        this.runner = requireNonNull(runner, "runner is null");
        this.localizer = requireNonNull(localizer, "localizer is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.shuffle = requireNonNull(shuffle, "shuffle is null");
        this.attemptEnded = requireNonNull(attemptEnded, "attemptEnded is null");
    }

    void handle(List<WorkerInstruction> instructions) {
        for (WorkerInstruction instruction : instructions) {
            try {
                handle(instruction);
            } catch (QuarryException | RuntimeException e) {
                LOG.error("Could not carry out {}: {}", instruction, e.toString(), e);
            }
        }
    }

    private void handle(WorkerInstruction instruction) throws QuarryException {
        if (instruction instanceof LaunchInstruction launch) {
            launch(launch);
        } else if (instruction instanceof KillInstruction kill) {
            runner.kill(WireForms.attemptId(kill.attemptId()), kill.reason());
        } else if (instruction instanceof RerunMapInstruction rerun) {
            MapOutput lost = registry.remove(WireForms.attemptId(rerun.lostAttemptId()));
            LOG.info("Map {} re-runs ({}){}", rerun.mapTaskId(), rerun.reason(),
                    lost == null ? "" : "; no longer serving " + rerun.lostAttemptId());
        } else if (instruction instanceof CleanupJobInstruction cleanup) {
            cleanUp(WireForms.jobId(cleanup.jobId()), cleanup.state());
        }
    }

    private void launch(LaunchInstruction instruction) throws QuarryException {
        TaskAttemptId id = WireForms.attemptId(instruction.attemptId());
        Configuration conf = Configuration.of(instruction.jobConf());
        String jar = instruction.jarPath().isBlank() ? null : instruction.jarPath();
        AttemptLaunch launch;
        if (id.type() == TaskType.MAP) {
            if (instruction.split() == null) {
                runner.failedToStart(AttemptLaunch.map(id, conf, jar, new SerializedSplit("none", new byte[0], 0, List.of())),
                        "the Scheduler sent map " + id + " no split");
                return;
            }
            launch = AttemptLaunch.map(id, conf, jar, instruction.split());
        } else {
            SchedulerMapOutputLocator locator = new SchedulerMapOutputLocator(id.jobId(), scheduler);
            launch = AttemptLaunch.reduce(id, conf, jar, instruction.numMaps(),
                    new ReportingMapOutputFetcher(id, locator, shuffle, scheduler, registry));
        }
        runner.launch(launch);
        CompletableFuture<Void> done = runner.whenDone(id);
        if (done != null) {
            done.thenRun(attemptEnded);
        }
    }

    private void cleanUp(JobId job, String state) {
        LOG.info("Job {} ended as {}: cleaning up", job, state);
        runner.jobFinished(job);
        finishedJobs.addLast(job);
        while (finishedJobs.size() > REMEMBERED_FINISHED_JOBS) {
            localizer.forget(finishedJobs.removeFirst());
        }
    }
}
