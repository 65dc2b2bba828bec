package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.net.HostAndPort;

/** The one Scheduler of a cluster without HA, at its configured address. */
final class FixedSchedulerLocator implements SchedulerLocator {
    private final HostAndPort address;

    FixedSchedulerLocator(HostAndPort address) {
        this.address = requireNonNull(address, "address is null");
    }

    @Override
    public HostAndPort current() {
        return address;
    }

    @Override
    public void failed(HostAndPort failed) {
    }

    @Override
    public boolean followsFailover() {
        return false;
    }

    @Override
    public String describe() {
        return address.toString();
    }

    @Override
    public void close() {
    }
}
