package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobState;
import io.quarry.scheduler.core.SchedulerAction;
import io.quarry.scheduler.core.SchedulerAction.CommitJob;
import io.quarry.scheduler.core.SchedulerAction.JobCompleted;
import io.quarry.scheduler.core.SchedulerAction.KillAttempt;
import io.quarry.scheduler.core.SchedulerAction.LaunchAttempt;
import io.quarry.scheduler.core.SchedulerAction.ReregisterWorker;
import io.quarry.scheduler.core.SchedulerAction.RerunMap;
import io.quarry.scheduler.core.SchedulerAction.TaskSucceeded;
import io.quarry.scheduler.protocol.CleanupJobInstruction;
import io.quarry.scheduler.protocol.KillInstruction;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.RerunMapInstruction;
import io.quarry.scheduler.protocol.SerializedSplit;
import io.quarry.scheduler.protocol.SplitCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the core's actions: launches and kills go to their worker's queue, re-runs and job
 * ends to every worker's; commits go to the job output committer, and so do the outputs of failed
 * and killed jobs (to be cleaned up); job ends also drop the job's launch details. With HA, what a
 * new active needs (succeeded tasks, lost outputs, commit starts, job ends) is recorded first.
 * Event thread only.
 */
final class ActionTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(ActionTranslator.class);

    private final InstructionQueues queues;
    private final Map<JobId, SubmittedJob> jobs;
    private final JobOutputCommitter committer;
    private final StateRecorder state;

    ActionTranslator(InstructionQueues queues, Map<JobId, SubmittedJob> jobs, JobOutputCommitter committer, StateRecorder state) {
        this.queues = requireNonNull(queues, "queues is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.committer = requireNonNull(committer, "committer is null");
        this.state = requireNonNull(state, "state is null");
    }

    /** Applies the actions; returns the workers told to register again. */
    Set<String> apply(List<SchedulerAction> actions) {
        Set<String> reregister = new HashSet<>();
        for (SchedulerAction action : actions) {
            if (action instanceof LaunchAttempt launch) {
                launch(launch);
            } else if (action instanceof KillAttempt kill) {
                queues.add(kill.workerId(), new KillInstruction(kill.attempt().toString(), kill.reason()));
            } else if (action instanceof TaskSucceeded succeeded) {
                state.record("record that " + succeeded.attempt() + " succeeded",
                        store -> store.taskSucceeded(succeeded.attempt(), succeeded.workerId()));
            } else if (action instanceof RerunMap rerun) {
                state.record("record that the output of " + rerun.lostAttempt() + " is lost", store -> store.mapOutputLost(rerun.map()));
                queues.broadcast(new RerunMapInstruction(rerun.map().toString(), rerun.lostAttempt().toString(), rerun.reason()));
            } else if (action instanceof CommitJob commit) {
                SubmittedJob job = submitted(commit.job());
                state.record("record that " + commit.job() + " commits its output", store -> store.commitStarted(commit.job()));
                committer.commit(job);
            } else if (action instanceof JobCompleted completed) {
                JobId id = completed.status().id();
                state.record("record that " + id + " ended", store -> store.jobFinished(completed.status()));
                SubmittedJob job = jobs.remove(id);
                if (job != null && completed.status().state() != JobState.SUCCEEDED) {
                    committer.abort(job);
                }
                queues.broadcast(new CleanupJobInstruction(id.toString(), completed.status().state().name()));
                LOG.info("{} {}{}", id, completed.status().state(),
                        completed.status().failure().isEmpty() ? "" : ": " + completed.status().failure());
            } else if (action instanceof ReregisterWorker again) {
                reregister.add(again.workerId());
            }
        }
        return reregister;
    }

    private SubmittedJob submitted(JobId id) {
        SubmittedJob job = jobs.get(id);
        if (job == null) {
            // The core never acts for a job it finished; this would be a bug, not a worker's fault.
            throw new IllegalStateException("job " + id + " has no submission details");
        }
        return job;
    }

    private void launch(LaunchAttempt launch) {
        SubmittedJob job = submitted(launch.attempt().jobId());
        SerializedSplit split = launch.split() == null ? null : SplitCodec.encode(launch.split());
        queues.add(launch.workerId(), new LaunchInstruction(launch.attempt().toString(), job.conf(), job.jarPath(), split,
                job.numMaps(), launch.locality() == null ? "" : launch.locality().name(), launch.speculative()));
    }
}
