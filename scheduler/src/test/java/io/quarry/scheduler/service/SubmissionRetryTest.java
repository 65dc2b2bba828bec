package io.quarry.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.time.ManualClock;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.core.SchedulerConfig;
import io.quarry.scheduler.protocol.JobList;
import io.quarry.scheduler.protocol.ListJobs;
import io.quarry.scheduler.protocol.SubmitJob;
import io.quarry.scheduler.protocol.SubmitJobResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An HA client names its job, so a submission it retries after a failover is recognised instead of run twice. */
@Timeout(30)
class SubmissionRetryTest {
    private static final CallContext CALL = new CallContext("test", 1, "tester", null, Long.MAX_VALUE);
    private final SchedulerService service = new SchedulerService(SchedulerConfig.defaults(), new ManualClock(), Duration.ZERO);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void theSameSubmissionRetriedIsAnsweredWithItsJobOnce() throws Exception {
        assertThat(submit("job_1700000000000_0042", "/staging/a")).isEqualTo("job_1700000000000_0042");
        assertThat(submit("job_1700000000000_0042", "/staging/a")).isEqualTo("job_1700000000000_0042");

        JobList jobs = (JobList) service.handle(CALL, new ListJobs()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(jobs.jobs()).hasSize(1);
    }

    @Test
    void anotherSubmissionUnderATakenIdIsRefused() throws Exception {
        submit("job_1700000000000_0042", "/staging/a");

        assertThatThrownBy(() -> submit("job_1700000000000_0042", "/staging/b")).isInstanceOfSatisfying(QuarryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("already submitted");
    }

    private String submit(String id, String stagingDir) throws Exception {
        SubmitJob submission = new SubmitJob(id, "tester", "retried", Map.of(MapReduceConfigKeys.JOB_DIR.name(), stagingDir), "",
                List.of(), 1);
        try {
            return ((SubmitJobResponse) service.handle(CALL, submission).toCompletableFuture().get(10, TimeUnit.SECONDS)).jobId();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }
}
