package io.quarry.scheduler.shuffle;

import java.time.Duration;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;

/**
 * What the shuffle server reads from configuration, once, at construction.
 *
 * @param ioThreads   network threads; 0 for twice the number of cores
 * @param diskThreads threads that read indexes and open map output files
 * @param idleTimeout a connection without a request for this long is closed; zero never
 */
public record ShuffleServerSettings(int ioThreads, int diskThreads, Duration idleTimeout) {
    public ShuffleServerSettings {
        if (ioThreads < 0) {
            throw new ConfigException(ShuffleConfigKeys.SERVER_IO_THREADS.name() + " = " + ioThreads + ": must be 0 or more");
        }
        if (diskThreads < 1) {
            throw new ConfigException(ShuffleConfigKeys.SERVER_DISK_THREADS.name() + " = " + diskThreads + ": must be at least 1");
        }
        if (idleTimeout.isNegative()) {
            throw new ConfigException(ShuffleConfigKeys.SERVER_IDLE_TIMEOUT.name() + " = " + idleTimeout + ": must not be negative");
        }
    }

    public static ShuffleServerSettings from(Configuration conf) {
        return new ShuffleServerSettings(conf.getInt(ShuffleConfigKeys.SERVER_IO_THREADS),
                conf.getInt(ShuffleConfigKeys.SERVER_DISK_THREADS), conf.getDuration(ShuffleConfigKeys.SERVER_IDLE_TIMEOUT));
    }
}
