package io.quarry.common.conf;

import java.time.temporal.ChronoUnit;
import java.util.List;

/** Keys read by the common module: RPC limits, timeouts and retries, and the user identity. */
public final class CommonConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey RPC_MAX_FRAME_SIZE = ConfigKey.size("quarry.rpc.max-frame-size", "64m",
            "Largest control message accepted on an RPC connection; larger frames are refused and the connection closed.");
    public static final ConfigKey RPC_TIMEOUT = ConfigKey.duration("quarry.rpc.timeout", "60s", ChronoUnit.MILLIS,
            "How long a client waits for one RPC answer.");
    public static final ConfigKey RPC_CONNECT_TIMEOUT = ConfigKey.duration("quarry.rpc.connect-timeout", "10s", ChronoUnit.MILLIS,
            "How long a client waits to open a connection.");
    public static final ConfigKey RPC_RETRY_MAX_ATTEMPTS = ConfigKey.integer("quarry.rpc.retry.max-attempts", 10,
            "Attempts for an idempotent call that meets transient errors (connection refused, timeout, safe mode).");
    public static final ConfigKey RPC_RETRY_INITIAL_BACKOFF = ConfigKey.duration("quarry.rpc.retry.initial-backoff", "100ms", ChronoUnit.MILLIS,
            "Wait before the first retry; it doubles on each further retry.");
    public static final ConfigKey RPC_RETRY_MAX_BACKOFF = ConfigKey.duration("quarry.rpc.retry.max-backoff", "5s", ChronoUnit.MILLIS,
            "Upper bound of the wait between retries.");
    public static final ConfigKey RPC_SERVER_HANDLERS = ConfigKey.integer("quarry.rpc.server.handler-threads", 8,
            "Threads that run RPC handlers in a daemon.");
    public static final ConfigKey RPC_CLIENT_IDLE_TIMEOUT = ConfigKey.duration("quarry.rpc.client.idle-timeout", "30s", ChronoUnit.MILLIS,
            "A client closes a connection that carried no call for this long (0 keeps it open).");
    public static final ConfigKey RPC_SERVER_IDLE_TIMEOUT = ConfigKey.duration("quarry.rpc.server.idle-timeout", "5m", ChronoUnit.MILLIS,
            "A server closes a connection with no call in flight and no traffic for this long, so vanished clients "
                    + "do not hold connections forever (0 keeps them open). Keep it above the clients' idle timeout.");
    public static final ConfigKey USER_NAME = ConfigKey.string("quarry.user.name", null,
            "The user requests are made as; the OS user (or QUARRY_USER_NAME) when unset.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(RPC_MAX_FRAME_SIZE, RPC_TIMEOUT, RPC_CONNECT_TIMEOUT, RPC_RETRY_MAX_ATTEMPTS,
                RPC_RETRY_INITIAL_BACKOFF, RPC_RETRY_MAX_BACKOFF, RPC_SERVER_HANDLERS, RPC_CLIENT_IDLE_TIMEOUT,
                RPC_SERVER_IDLE_TIMEOUT, USER_NAME);
    }

    /** The user name this process acts as. */
    public static String currentUser(Configuration conf) {
        String configured = conf.getString(USER_NAME);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String fromEnv = System.getenv("QUARRY_USER_NAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return System.getProperty("user.name", "quarry");
    }
}
