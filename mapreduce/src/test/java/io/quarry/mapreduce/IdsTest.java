package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IdsTest {
    private static final JobId JOB = new JobId("1700000000000", 7);

    @Test
    void idsPrintInHadoopsForm() {
        assertThat(JOB).hasToString("job_1700000000000_0007");
        assertThat(new TaskId(JOB, TaskType.MAP, 3)).hasToString("task_1700000000000_0007_m_000003");
        assertThat(new TaskAttemptId(new TaskId(JOB, TaskType.REDUCE, 12), 2)).hasToString("attempt_1700000000000_0007_r_000012_2");
        assertThat(new JobId("local42", 12345)).hasToString("job_local42_12345");
    }

    @Test
    void idsRoundTripThroughTheirText() {
        for (int sequence : new int[] {0, 1, 9999, 10000, Integer.MAX_VALUE}) {
            JobId job = new JobId("local123", sequence);
            assertThat(JobId.parse(job.toString())).isEqualTo(job);
            for (TaskType type : TaskType.values()) {
                TaskId task = new TaskId(job, type, sequence);
                assertThat(TaskId.parse(task.toString())).isEqualTo(task);
                TaskAttemptId attempt = new TaskAttemptId(task, sequence % 5);
                assertThat(TaskAttemptId.parse(attempt.toString())).isEqualTo(attempt);
                assertThat(attempt.jobId()).isEqualTo(job);
                assertThat(attempt.type()).isEqualTo(type);
            }
        }
    }

    @Test
    void idsPrintAsciiDigitsWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            assertThat(new TaskId(JOB, TaskType.MAP, 3)).hasToString("task_1700000000000_0007_m_000003");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void jobIdsOrderByOriginThenSequence() {
        assertThat(new JobId("a", 2).compareTo(new JobId("a", 10))).isNegative();
        assertThat(new JobId("b", 1).compareTo(new JobId("a", 10))).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "job", "job_x", "job_x_y", "task_x_1", "job_x_1_2", "job_x_1_", "job__1", "job_x_-1", "job_x_+1",
            "job_x_\u0661", "job_x_99999999999"})
    void badJobIdsAreRejectedNamingTheText(String text) {
        assertThatThrownBy(() -> JobId.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "task_x_1_m", "task_x_1_q_3", "task_x_1_mm_3", "task_x_1_m_", "task_x_1_m_3_", "job_x_1_m_3",
            "task_x_y_m_3", "task_x_1_m_-3"})
    void badTaskIdsAreRejected(String text) {
        assertThatThrownBy(() -> TaskId.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "attempt_", "attempt_x", "attempt_x_1_m_3", "attempt_x_1_m_3_", "attempt_x_1_m_3_z",
            "task_x_1_m_3_0", "attempt_x_1_m_3_-1"})
    void badAttemptIdsAreRejected(String text) {
        assertThatThrownBy(() -> TaskAttemptId.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void idPartsAreValidated() {
        assertThatThrownBy(() -> new JobId("a_b", 1)).hasMessageContaining("a_b");
        assertThatThrownBy(() -> new JobId("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobId("a", -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new TaskId(JOB, TaskType.MAP, -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new TaskAttemptId(new TaskId(JOB, TaskType.MAP, 1), -2)).hasMessageContaining("-2");
        assertThatThrownBy(() -> TaskType.ofLetter('x')).hasMessageContaining("'x'");
    }
}
