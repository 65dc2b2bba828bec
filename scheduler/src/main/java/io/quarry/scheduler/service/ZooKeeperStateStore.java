package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.FencedStore;
import io.quarry.common.ha.StoreOp;
import io.quarry.mapreduce.JobId;
import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskId;
import io.quarry.scheduler.core.RecoveredTask;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.WireForms;
import io.quarry.scheduler.protocol.WireJobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Scheduler's state in ZooKeeper, under {@code /scheduler/state}, every write checked against
 * this active's epoch (a deposed active's writes are refused):
 * <ul>
 *   <li>{@code jobs/<job id>}: the submission (Kryo); children {@code tasks/<task id>} (winning
 *       attempt and its worker, one line each), {@code generation} (how many actives ran the job,
 *       which keeps attempt numbers unique) and {@code commit} (present once the output commit started);</li>
 *   <li>{@code finished/<job id>}: the final status (Kryo), the newest {@code retained} of them.</li>
 * </ul>
 */
final class ZooKeeperStateStore implements SchedulerStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperStateStore.class);
    /** Attempt numbers per task an active may use before the next active's start. */
    static final int ATTEMPTS_PER_GENERATION = 1000;
    private static final String JOBS = "jobs";
    private static final String FINISHED = "finished";

    private final FencedStore store;
    private final Epoch epoch;
    private final int retained;
    private final KryoCodec codec = KryoCodec.shared();

    ZooKeeperStateStore(FencedStore store, Epoch epoch, int retainedFinished) throws IOException {
        this.store = requireNonNull(store, "store is null");
        this.epoch = requireNonNull(epoch, "epoch is null");
        this.retained = retainedFinished;
        store.ensureDirectories(JOBS, FINISHED);
    }

    @Override
    public void jobSubmitted(SubmitJob submission) throws IOException {
        String job = JOBS + "/" + submission.jobId();
        store.write(epoch, List.of(new StoreOp.Create(job, codec.encode(submission)),
                new StoreOp.Create(job + "/tasks", null), new StoreOp.Create(job + "/generation", text("0"))));
    }

    @Override
    public void jobForgotten(JobId id) throws IOException {
        store.write(epoch, List.of(new StoreOp.Delete(JOBS + "/" + id + "/generation"),
                new StoreOp.Delete(JOBS + "/" + id + "/tasks"), new StoreOp.Delete(JOBS + "/" + id)));
    }

    @Override
    public void taskSucceeded(TaskAttemptId attempt, String workerId) throws IOException {
        String path = taskPath(attempt.taskId());
        byte[] data = text(attempt + "\n" + workerId);
        store.write(epoch, List.of(store.exists(path) ? new StoreOp.Set(path, data) : new StoreOp.Create(path, data)));
    }

    @Override
    public void mapOutputLost(TaskId map) throws IOException {
        String path = taskPath(map);
        if (store.exists(path)) {
            store.write(epoch, List.of(new StoreOp.Delete(path)));
        }
    }

    @Override
    public void commitStarted(JobId id) throws IOException {
        String path = JOBS + "/" + id + "/commit";
        if (!store.exists(path)) {
            store.write(epoch, List.of(new StoreOp.Create(path, null)));
        }
    }

    /** Records the final status, then drops the job's running state (which no one then needs). */
    @Override
    public void jobFinished(JobStatus status) throws IOException {
        String finished = FINISHED + "/" + status.id();
        byte[] data = codec.encode(WireForms.status(status));
        store.write(epoch, List.of(store.exists(finished) ? new StoreOp.Set(finished, data) : new StoreOp.Create(finished, data)));
        store.deleteTree(JOBS + "/" + status.id());
        trimFinished();
    }

    @Override
    public RecoveredState load() throws IOException {
        List<JobStatus> finished = new ArrayList<>();
        List<String> finishedIds = store.children(FINISHED);
        for (String id : finishedIds) {
            Optional<byte[]> data = store.get(FINISHED + "/" + id);
            if (data.isPresent()) {
                finished.add(decodeStatus(id, data.get()));
            }
        }
        finished.sort(Comparator.comparing(JobStatus::id));
        List<RecoveredState.Job> running = new ArrayList<>();
        for (String id : store.children(JOBS)) {
            String job = JOBS + "/" + id;
            if (finishedIds.contains(id)) {
                // The previous active finished it but did not get to drop its running state.
                store.deleteTree(job);
                continue;
            }
            Optional<byte[]> data = store.get(job);
            if (data.isEmpty()) {
                continue;
            }
            running.add(loadJob(id, job, data.get()));
        }
        LOG.info("Loaded the Scheduler state of epoch {}: {} job(s) to resume, {} finished", epoch.number(), running.size(),
                finished.size());
        return new RecoveredState(running, finished);
    }

    private RecoveredState.Job loadJob(String id, String job, byte[] data) throws IOException {
        Object decoded = codec.decode(data);
        if (!(decoded instanceof SubmitJob submission)) {
            throw new IOException("ZooKeeper node " + job + " holds a " + decoded.getClass().getSimpleName()
                    + ", expected the job's SubmitJob");
        }
        List<RecoveredTask> succeeded = new ArrayList<>();
        for (String task : store.children(job + "/tasks")) {
            Optional<byte[]> record = store.get(job + "/tasks/" + task);
            if (record.isPresent()) {
                succeeded.add(parseTask(job + "/tasks/" + task, new String(record.get(), StandardCharsets.UTF_8)));
            }
        }
        int generation = parseInt(job + "/generation", store.get(job + "/generation").map(ZooKeeperStateStore::string).orElse("0"));
        int next = generation + 1;
        store.write(epoch, List.of(new StoreOp.Set(job + "/generation", text(Integer.toString(next)))));
        boolean commitStarted = store.exists(job + "/commit");
        return new RecoveredState.Job(submission, succeeded, commitStarted, Math.multiplyExact(next, ATTEMPTS_PER_GENERATION));
    }

    private void trimFinished() throws IOException {
        List<String> ids = new ArrayList<>(store.children(FINISHED));
        if (ids.size() <= retained) {
            return;
        }
        ids.sort(Comparator.comparing(ZooKeeperStateStore::sortKey));
        for (String id : ids.subList(0, ids.size() - retained)) {
            store.write(epoch, List.of(new StoreOp.Delete(FINISHED + "/" + id)));
        }
    }

    private static JobId sortKey(String id) {
        try {
            return JobId.parse(id);
        } catch (IllegalArgumentException e) {
            return new JobId("0", 0);
        }
    }

    private JobStatus decodeStatus(String id, byte[] data) throws IOException {
        Object decoded = codec.decode(data);
        if (!(decoded instanceof WireJobStatus status)) {
            throw new IOException("ZooKeeper node " + FINISHED + "/" + id + " holds a " + decoded.getClass().getSimpleName()
                    + ", expected a WireJobStatus");
        }
        try {
            return WireForms.status(status);
        } catch (QuarryException e) {
            throw new IOException("ZooKeeper node " + FINISHED + "/" + id + " holds a bad job status: " + e.getMessage(), e);
        }
    }

    private static RecoveredTask parseTask(String path, String record) throws IOException {
        String[] lines = record.split("\n", -1);
        if (lines.length != 2) {
            throw new IOException("ZooKeeper node " + path + " holds '" + record + "', expected '<attempt id>\\n<worker id>'");
        }
        try {
            return new RecoveredTask(WireForms.attemptId(lines[0]), lines[1]);
        } catch (QuarryException e) {
            throw new IOException("ZooKeeper node " + path + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(String path, String value) throws IOException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException("ZooKeeper node " + path + " holds '" + value + "', expected a number", e);
        }
    }

    private static String taskPath(TaskId task) {
        return JOBS + "/" + task.jobId() + "/tasks/" + task;
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
