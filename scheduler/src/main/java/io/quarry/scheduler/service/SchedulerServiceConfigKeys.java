package io.quarry.scheduler.service;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Where the Scheduler listens and how often it looks for dead workers. */
public final class SchedulerServiceConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey ADDRESS = ConfigKey.string("quarry.scheduler.address", "0.0.0.0:8030",
            "Host and port the Scheduler's RPC server binds to (workers and job clients connect here).");
    public static final ConfigKey EXPIRY_CHECK_INTERVAL = ConfigKey.duration("quarry.scheduler.worker.expiry-check-interval", "1s",
            ChronoUnit.MILLIS, "How often the Scheduler checks for workers that stopped sending heartbeats.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(ADDRESS, EXPIRY_CHECK_INTERVAL);
    }
}
