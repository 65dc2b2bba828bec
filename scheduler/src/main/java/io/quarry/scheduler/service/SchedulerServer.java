package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcServer;
import io.quarry.common.time.Clock;
import io.quarry.scheduler.core.SchedulerConfig;
import java.io.IOException;
import java.net.InetAddress;

/**
 * A {@link SchedulerService} listening on {@code quarry.scheduler.address}. With
 * {@code ha.zookeeper.quorum} set, the server joins the Scheduler election instead and serves only
 * while it is the active (see {@link ActiveSchedulerSwitch}); without, it is the cluster's one Scheduler.
 */
public final class SchedulerServer implements AutoCloseable {
    private final SchedulerService service;
    private final ActiveSchedulerSwitch ha;
    private final HaSession session;
    private final RpcServer rpc;

    private SchedulerServer(SchedulerService service, ActiveSchedulerSwitch ha, HaSession session, RpcServer rpc) {
        this.service = service;
        this.ha = ha;
        this.session = session;
        this.rpc = requireNonNull(rpc, "rpc is null");
    }

    public static SchedulerServer start(Configuration conf) throws QuarryException {
        return start(conf, Clock.system());
    }

    public static SchedulerServer start(Configuration conf, Clock clock) throws QuarryException {
        HostAndPort bind = bindAddress(conf);
        HeartbeatPacing pacing = new HeartbeatPacing(conf.getDuration(SchedulerServiceConfigKeys.HEARTBEAT_MIN_INTERVAL),
                conf.getInt(SchedulerServiceConfigKeys.HEARTBEATS_PER_SECOND));
        SchedulerConfig config = SchedulerConfig.from(conf);
        HaSettings haSettings = HaSettings.from(conf);
        if (haSettings.enabled()) {
            return startHa(conf, clock, bind, pacing, config, haSettings);
        }
        SchedulerService service = new SchedulerService(config, clock,
                conf.getDuration(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL), pacing);
        try {
            // The service only hands calls to its event thread, so it may run on the I/O threads.
            return new SchedulerServer(service, null, null, RpcServer.startNonBlocking("scheduler", bind, service, conf, clock));
        } catch (QuarryException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private static SchedulerServer startHa(Configuration conf, Clock clock, HostAndPort bind, HeartbeatPacing pacing,
                                           SchedulerConfig config, HaSettings haSettings) throws QuarryException {
        HaSession session;
        try {
            session = HaSession.connect(haSettings);
        } catch (IOException e) {
            throw new QuarryException(ErrorCode.UNAVAILABLE, "The Scheduler cannot start with HA: " + e.getMessage(), e);
        }
        RpcServer rpc = null;
        ActiveSchedulerSwitch ha = null;
        try {
            SwitchHolder holder = new SwitchHolder();
            rpc = RpcServer.startNonBlocking("scheduler", bind, (context, request) -> holder.ha.handle(context, request), conf,
                    clock);
            String advertised = advertisedAddress(conf, rpc.address());
            ha = new ActiveSchedulerSwitch(session, advertised, (epoch, owner) -> {
                try {
                    ZooKeeperStateStore store = new ZooKeeperStateStore(session.store(SchedulerDaemon.ROLE, "state"), epoch,
                            config.historyRetainedJobs());
                    return new SchedulerService(config, clock, conf.getDuration(SchedulerServiceConfigKeys.EXPIRY_CHECK_INTERVAL),
                            pacing, store, failure -> owner.relinquish(epoch, "a state write failed: " + failure.getMessage()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            holder.ha = ha;
            ha.start();
            return new SchedulerServer(null, ha, session, rpc);
        } catch (Exception e) {
            if (ha != null) {
                ha.close();
            }
            if (rpc != null) {
                rpc.close();
            }
            session.close();
            if (e instanceof QuarryException q) {
                throw q;
            }
            throw new QuarryException(ErrorCode.INTERNAL, "The Scheduler could not join the election: " + e.getMessage(), e);
        }
    }

    /** Lets the RPC server exist before the switch that needs its bound address. */
    private static final class SwitchHolder {
        volatile ActiveSchedulerSwitch ha;
    }

    private static String advertisedAddress(Configuration conf, HostAndPort bound) throws IOException {
        String configured = conf.getString(SchedulerServiceConfigKeys.ADVERTISED_ADDRESS);
        if (configured != null && !configured.isBlank()) {
            return HostAndPort.parse(configured.trim()).toString();
        }
        String host = bound.host();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = InetAddress.getLocalHost().getHostName();
        }
        return new HostAndPort(host, bound.port()).toString();
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

    /**
     * The service, so tests (and the daemon) can trigger a worker expiry check at once; with HA the
     * current term's, null while this Scheduler is a standby.
     */
    public SchedulerService service() {
        return ha == null ? service : ha.active();
    }

    /** Whether this Scheduler serves as the active: always without HA. */
    public boolean isActive() {
        return ha == null || ha.isActive();
    }

    /** Whether this Scheduler runs with HA (in a ZooKeeper election). */
    public boolean isHighlyAvailable() {
        return ha != null;
    }

    /**
     * Simulates a crash of an HA Scheduler, for tests: stops serving and drops its ZooKeeper session
     * at once, without withdrawing from the election first; without HA the same as {@link #close}.
     */
    public void abort() {
        if (ha == null) {
            close();
            return;
        }
        rpc.close();
        ha.abort();
        session.close();
    }

    @Override
    public void close() {
        rpc.close();
        if (ha != null) {
            ha.close();
            session.close();
        } else {
            service.close();
        }
    }
}
