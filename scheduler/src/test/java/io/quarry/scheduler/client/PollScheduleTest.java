package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PollScheduleTest {
    private static final long MS = 1_000_000L;
    private final PollSchedule schedule = new PollSchedule(Duration.ofMillis(200));

    @Test
    void aJobJustSubmittedIsAskedAboutAgainWithinAFewMilliseconds() {
        assertThat(schedule.delayNanos(0)).isEqualTo(2 * MS);
        assertThat(schedule.delayNanos(10 * MS)).isEqualTo(2 * MS);
    }

    @Test
    void theDelayGrowsWithTheJobsRunningTimeSoATinyJobsEndIsSeenWithinTwentyMilliseconds() {
        assertThat(schedule.delayNanos(80 * MS)).isEqualTo(10 * MS);
        assertThat(schedule.delayNanos(160 * MS)).isEqualTo(20 * MS);
    }

    @Test
    void aLongJobIsAskedAboutOncePerPollIntervalHoweverOftenItMoves() {
        assertThat(schedule.delayNanos(10_000 * MS)).isEqualTo(200 * MS);
        assertThat(new PollSchedule(Duration.ZERO).delayNanos(10_000 * MS)).as("never busier than the minimum delay")
                .isEqualTo(2 * MS);
    }
}
