package io.quarry.scheduler.service;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Where the Scheduler listens, how often it looks for dead workers and how often workers heartbeat. */
public final class SchedulerServiceConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey ADDRESS = ConfigKey.string("quarry.scheduler.address", "0.0.0.0:8030",
            "Host and port the Scheduler's RPC server binds to (workers and job clients connect here).");
    public static final ConfigKey EXPIRY_CHECK_INTERVAL = ConfigKey.duration("quarry.scheduler.worker.expiry-check-interval", "1s",
            ChronoUnit.MILLIS, "How often the Scheduler checks for workers that stopped sending heartbeats.");
    public static final ConfigKey HEARTBEAT_MIN_INTERVAL = ConfigKey.duration("quarry.scheduler.heartbeat.min-interval", "50ms",
            ChronoUnit.MILLIS, "Least time the Scheduler asks workers to leave between heartbeats (on a small cluster this is"
                    + " how long a new job's first tasks may wait for a slot offer).");
    public static final ConfigKey HEARTBEATS_PER_SECOND = ConfigKey.integer("quarry.scheduler.heartbeats-per-second", 500,
            "Heartbeats a second the Scheduler asks of all workers together; on large clusters each worker's interval grows"
                    + " to live workers / this (Hadoop's mapred.heartbeats.in.second).");

    public static final ConfigKey CLIENT_FAILOVER_TIMEOUT = ConfigKey.duration("quarry.scheduler.client.failover-timeout", "60s",
            ChronoUnit.MILLIS, "With HA: how long a call to the Scheduler keeps looking for the active one (in ZooKeeper) across"
                    + " a failover before it fails.");
    public static final ConfigKey ADVERTISED_ADDRESS = ConfigKey.string("quarry.scheduler.ha.advertised-address", null,
            "With HA: the host:port this Scheduler publishes in ZooKeeper when it becomes the active; unset means its bound"
                    + " address (a wildcard host replaced by this machine's name).");

    @Override
    public List<ConfigKey> keys() {
        return List.of(ADDRESS, EXPIRY_CHECK_INTERVAL, HEARTBEAT_MIN_INTERVAL, HEARTBEATS_PER_SECOND, CLIENT_FAILOVER_TIMEOUT,
                ADVERTISED_ADDRESS);
    }
}
