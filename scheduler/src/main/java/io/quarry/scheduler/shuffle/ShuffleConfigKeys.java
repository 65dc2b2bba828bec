package io.quarry.scheduler.shuffle;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/** Keys of the network shuffle: the Worker's shuffle server and the reducers' fetcher. */
public final class ShuffleConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey PORT = ConfigKey.integer("mapreduce.shuffle.port", 13562,
            "Port of the Worker's shuffle server, which serves map output to reducers; 0 picks a free port.");
    public static final ConfigKey SERVER_IO_THREADS = ConfigKey.integer("mapreduce.shuffle.max.threads", 0,
            "Network threads of the shuffle server; twice the number of cores when 0.");
    public static final ConfigKey SERVER_DISK_THREADS = ConfigKey.integer("quarry.shuffle.server.disk-threads", 4,
            "Threads of the shuffle server that read map output indexes and open map output files.");
    public static final ConfigKey SERVER_IDLE_TIMEOUT = ConfigKey.duration("quarry.shuffle.server.idle-timeout", "2m",
            ChronoUnit.MILLIS, "The shuffle server closes a connection that has had no request for this long.");
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.duration("mapreduce.reduce.shuffle.connect.timeout", "30s",
            ChronoUnit.MILLIS, "How long a reducer waits to connect to a Worker's shuffle server.");
    public static final ConfigKey READ_TIMEOUT = ConfigKey.duration("mapreduce.reduce.shuffle.read.timeout", "60s",
            ChronoUnit.MILLIS, "How long a reducer waits for the next bytes of a map output before the fetch fails.");
    public static final ConfigKey CLIENT_BUFFER = ConfigKey.size("quarry.shuffle.client.buffer-size", "1m",
            "Received map output a fetch buffers ahead of the reducer; past it (plus at most one 512k socket read) "
                    + "the fetcher stops reading the socket.");
    public static final ConfigKey CLIENT_IO_THREADS = ConfigKey.integer("quarry.shuffle.client.io-threads", 2,
            "Network threads of a reducer-side shuffle client.");
    public static final ConfigKey CLIENT_MAX_IDLE_CONNECTIONS = ConfigKey.integer("quarry.shuffle.client.max-idle-connections", 4,
            "Idle connections a shuffle client keeps open to each Worker for later fetches.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(PORT, SERVER_IO_THREADS, SERVER_DISK_THREADS, SERVER_IDLE_TIMEOUT, CONNECT_TIMEOUT, READ_TIMEOUT,
                CLIENT_BUFFER, CLIENT_IO_THREADS, CLIENT_MAX_IDLE_CONNECTIONS);
    }
}
