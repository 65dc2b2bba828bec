package io.quarry.scheduler.shuffle;

import java.time.Duration;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;

/**
 * What a shuffle client reads from configuration, once, at construction.
 *
 * @param connectTimeout     how long connecting to a shuffle server may take
 * @param readTimeout        how long a fetch waits for its header or its next bytes
 * @param bufferBytes        received bytes one fetch holds ahead of its reader before it stops reading the socket
 * @param ioThreads          network threads
 * @param maxIdleConnections idle connections kept per server
 */
public record ShuffleClientSettings(Duration connectTimeout, Duration readTimeout, int bufferBytes, int ioThreads,
                                    int maxIdleConnections) {
    public ShuffleClientSettings {
        positive(ShuffleConfigKeys.CONNECT_TIMEOUT.name(), connectTimeout);
        positive(ShuffleConfigKeys.READ_TIMEOUT.name(), readTimeout);
        if (bufferBytes < 1) {
            throw new ConfigException(ShuffleConfigKeys.CLIENT_BUFFER.name() + " = " + bufferBytes + ": must be at least 1 byte");
        }
        if (ioThreads < 1) {
            throw new ConfigException(ShuffleConfigKeys.CLIENT_IO_THREADS.name() + " = " + ioThreads + ": must be at least 1");
        }
        if (maxIdleConnections < 0) {
            throw new ConfigException(ShuffleConfigKeys.CLIENT_MAX_IDLE_CONNECTIONS.name() + " = " + maxIdleConnections
                    + ": must be 0 or more");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(key + " = " + value + ": must be positive");
        }
    }

    public static ShuffleClientSettings from(Configuration conf) {
        long buffer = conf.getSize(ShuffleConfigKeys.CLIENT_BUFFER);
        if (buffer > Integer.MAX_VALUE / 2) {
            throw new ConfigException(ShuffleConfigKeys.CLIENT_BUFFER.name() + " = " + buffer + ": must be under 1g");
        }
        return new ShuffleClientSettings(conf.getDuration(ShuffleConfigKeys.CONNECT_TIMEOUT),
                conf.getDuration(ShuffleConfigKeys.READ_TIMEOUT), (int) buffer, conf.getInt(ShuffleConfigKeys.CLIENT_IO_THREADS),
                conf.getInt(ShuffleConfigKeys.CLIENT_MAX_IDLE_CONNECTIONS));
    }
}
