package io.quarry.scheduler.service;

import java.time.Duration;

/**
 * How often workers should heartbeat: as often as {@code minInterval} on a small cluster, so a
 * submitted job's first tasks start within a fraction of a second, and less often as workers are
 * added, so the Scheduler receives at most {@code perSecond} heartbeats a second in all.
 */
record HeartbeatPacing(Duration minInterval, int perSecond) {
    HeartbeatPacing {
        if (minInterval.isNegative() || minInterval.isZero()) {
            throw new IllegalArgumentException("the least heartbeat interval must be positive, not " + minInterval);
        }
        if (perSecond < 1) {
            throw new IllegalArgumentException("heartbeats per second must be at least 1, not " + perSecond);
        }
    }

    /** The interval to ask every worker for when {@code liveWorkers} are live, in milliseconds. */
    long nextIntervalMillis(int liveWorkers) {
        long spread = (Math.max(1, liveWorkers) * 1000L + perSecond - 1) / perSecond;
        return Math.max(minInterval.toMillis(), spread);
    }
}
