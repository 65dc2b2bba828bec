package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.TaskAttemptId;
import io.quarry.mapreduce.TaskType;
import io.quarry.scheduler.protocol.HeartbeatResponse;
import io.quarry.scheduler.protocol.LaunchInstruction;
import io.quarry.scheduler.protocol.RegisterWorker;
import io.quarry.scheduler.protocol.WireAttemptReport;
import io.quarry.scheduler.protocol.WorkerHeartbeat;
import io.quarry.scheduler.service.SchedulerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A worker that only talks: registers, heartbeats, and reports whatever it was told to launch as done. */
final class FakeWorker {
    private final SchedulerClient client;
    private final String id;
    private final List<LaunchInstruction> launched = new ArrayList<>();

    FakeWorker(SchedulerClient client, String id, String host) throws QuarryException {
        this.client = client;
        this.id = id;
        client.registerWorker(new RegisterWorker(id, host, "/default-rack", 4, 2, 13562));
    }

    /** One heartbeat with {@code reports}; returns the attempts it was told to launch. */
    List<LaunchInstruction> heartbeat(List<WireAttemptReport> reports) throws QuarryException {
        HeartbeatResponse response = client.heartbeat(new WorkerHeartbeat(id, reports, 0, 0));
        assertThat(response.reregister()).as("worker %s is registered", id).isFalse();
        List<LaunchInstruction> launches = response.instructions().stream().filter(LaunchInstruction.class::isInstance)
                .map(LaunchInstruction.class::cast).toList();
        launched.addAll(launches);
        return launches;
    }

    /** Heartbeats, reporting every launched attempt as succeeded on the next beat, until the job's state is {@code done}. */
    void runUntil(String jobId, int maxBeats) throws QuarryException {
        List<WireAttemptReport> reports = List.of();
        for (int beat = 0; beat < maxBeats; beat++) {
            List<LaunchInstruction> launches = heartbeat(reports);
            if (client.jobStatus(jobId).state().equals("SUCCEEDED")) {
                return;
            }
            reports = launches.stream().map(launch -> succeeded(launch.attemptId())).toList();
        }
        throw new AssertionError("job " + jobId + " did not succeed within " + maxBeats + " heartbeats; launched " + launched);
    }

    List<LaunchInstruction> launched() {
        return List.copyOf(launched);
    }

    private static WireAttemptReport succeeded(String attempt) {
        boolean map = TaskAttemptId.parse(attempt).type() == TaskType.MAP;
        return new WireAttemptReport(attempt, "SUCCEEDED", 1f,
                Map.of("io.quarry.mapreduce.TaskCounter", Map.of(map ? "MAP_INPUT_RECORDS" : "REDUCE_OUTPUT_RECORDS", 2L)), "");
    }
}
