package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.common.ha.HaSession;
import io.quarry.common.net.HostAndPort;
import java.io.IOException;
import java.util.Optional;

/**
 * The active Scheduler as published in ZooKeeper ({@code /scheduler/active}), cached until a call
 * to it fails. Closes the session only when it owns it.
 */
final class ZooKeeperSchedulerLocator implements SchedulerLocator {
    private final HaSession session;
    private final boolean ownsSession;
    private volatile HostAndPort cached;

    ZooKeeperSchedulerLocator(HaSession session, boolean ownsSession) {
        this.session = requireNonNull(session, "session is null");
        this.ownsSession = ownsSession;
    }

    @Override
    public HostAndPort current() throws QuarryException {
        HostAndPort known = cached;
        if (known != null) {
            return known;
        }
        Optional<String> active;
        try {
            active = session.activeAddress(SchedulerDaemon.ROLE);
        } catch (IOException e) {
            throw new QuarryException(ErrorCode.UNAVAILABLE, "Cannot look up the active Scheduler: " + e.getMessage(), e);
        }
        if (active.isEmpty()) {
            throw new QuarryException(ErrorCode.UNAVAILABLE, "No Scheduler is active in " + where()
                    + " (is one running, and is ZooKeeper reachable?)");
        }
        try {
            known = HostAndPort.parse(active.get());
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.INTERNAL, "The active Scheduler published a bad address '" + active.get() + "' in "
                    + where() + ": " + e.getMessage(), e);
        }
        cached = known;
        return known;
    }

    @Override
    public void failed(HostAndPort address) {
        if (address.equals(cached)) {
            cached = null;
        }
    }

    @Override
    public boolean followsFailover() {
        return true;
    }

    @Override
    public String describe() {
        HostAndPort known = cached;
        return (known == null ? "" : known + ", ") + "the active in " + where();
    }

    private String where() {
        return "ZooKeeper " + session.settings().quorum().orElse("?") + " (" + HaConfigKeys.QUORUM.name() + ", cluster "
                + session.settings().clusterId() + ")";
    }

    @Override
    public void close() {
        if (ownsSession) {
            session.close();
        }
    }
}
