package io.quarry.cli.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.quarry.common.error.QuarryException;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.WireAttemptReport;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import io.quarry.scheduler.service.SchedulerClient;

/**
 * A worker that runs nothing: it heartbeats every millisecond and reports each attempt it was told
 * to launch as succeeded (or failed with {@code error}) on the next beat.
 */
final class ScriptedWorker implements AutoCloseable {
    private final SchedulerClient client;
    private final String id;
    private final String error;
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;

    private ScriptedWorker(SchedulerClient client, String id, String error) {
        this.client = client;
        this.id = id;
        this.error = error;
        this.thread = new Thread(this::beat, "scripted-worker-" + id);
        this.thread.setDaemon(true);
    }

    /** Registers a worker on {@code host} whose attempts all succeed (error null) or all fail with {@code error}. */
    static ScriptedWorker start(SchedulerClient client, String id, String host, String error) throws QuarryException {
        client.registerWorker(new RegisterWorker(id, host, "/default-rack", 2, 1, 13562));
        ScriptedWorker worker = new ScriptedWorker(client, id, error);
        worker.thread.start();
        return worker;
    }

    private void beat() {
        List<WireAttemptReport> reports = List.of();
        try {
            while (running) {
                HeartbeatResponse response = client.heartbeat(new WorkerHeartbeat(id, reports, 0, 0));
                List<WireAttemptReport> next = new ArrayList<>();
                response.instructions().stream().filter(LaunchInstruction.class::isInstance).map(LaunchInstruction.class::cast)
                        .forEach(launch -> next.add(error == null
                                ? new WireAttemptReport(launch.attemptId(), "SUCCEEDED", 1f, Map.of(), "")
                                : new WireAttemptReport(launch.attemptId(), "FAILED", 0f, Map.of(), error)));
                reports = next;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            stopped.complete(null);
        } catch (QuarryException | RuntimeException e) {
            stopped.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        stopped.get(10, TimeUnit.SECONDS);
    }
}
