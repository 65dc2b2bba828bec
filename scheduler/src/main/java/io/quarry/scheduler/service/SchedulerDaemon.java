package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.net.HostAndPort;
import java.util.Map;

/**
 * The Scheduler as a process role: a {@link SchedulerServer} behind the {@link Daemon} lifecycle,
 * so {@link DaemonRunner} (and {@code quarry scheduler}) can run it and print its {@code rpc} address.
 */
public final class SchedulerDaemon implements Daemon {
    public static final String ROLE = "scheduler";

    private final SchedulerServer server;

    private SchedulerDaemon(SchedulerServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    /** Binds {@code quarry.scheduler.address} and serves until {@link #close()}. */
    public static SchedulerDaemon start(Configuration conf) throws QuarryException {
        return new SchedulerDaemon(SchedulerServer.start(conf));
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        return Map.of("rpc", server.address());
    }

    /** The server, for tests that talk to it directly. */
    public SchedulerServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    public static void main(String[] args) {
        System.exit(DaemonRunner.run(ROLE, args, SchedulerDaemon::start));
    }
}
