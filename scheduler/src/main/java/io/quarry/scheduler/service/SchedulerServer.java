package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcServer;
import io.quarry.common.time.Clock;
import io.quarry.scheduler.core.SchedulerConfig;

/** A {@link SchedulerService} listening on {@code quarry.scheduler.address}. */
public final class SchedulerServer implements AutoCloseable {
    private final SchedulerService service;
    private final RpcServer rpc;

    private SchedulerServer(SchedulerService service, RpcServer rpc) {
        this.service = requireNonNull(service, "service is null");
        this.rpc = requireNonNull(rpc, "rpc is null");
    }

    public static SchedulerServer start(Configuration conf) throws QuarryException {
        return start(conf, Clock.system());
    }

    public static SchedulerServer start(Configuration conf, Clock clock) throws QuarryException {
        HostAndPort bind = bindAddress(conf);
        HeartbeatPacing pacing = new HeartbeatPacing(conf.getDuration(SchedulerServiceConfigKeys.HEARTBEAT_MIN_INTERVAL),
                conf.getInt(SchedulerServiceConfigKeys.HEARTBEATS_PER_SECOND));
        SchedulerService service = new SchedulerService(SchedulerConfig.from(conf), clock,
                conf.getDuration(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL), pacing);
        try {
            // The service only hands calls to its event thread, so it may run on the I/O threads.
            return new SchedulerServer(service, RpcServer.startNonBlocking("scheduler", bind, service, conf, clock));
        } catch (QuarryException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private static HostAndPort bindAddress(Configuration conf) {
        String value = conf.getString(SchedulerServiceConfigKeys.ADDRESS);
        try {
            return HostAndPort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SchedulerServiceConfigKeys.ADDRESS.name() + " = " + value + ": " + e.getMessage());
        }
    }

    /** The bound address (the real port when 0 was configured). */
    public HostAndPort address() {
        return rpc.address();
    }

    /** The service, so tests (and the daemon) can trigger a worker expiry check at once. */
    public SchedulerService service() {
        return service;
    }

    @Override
    public void close() {
        rpc.close();
        service.close();
    }
}
