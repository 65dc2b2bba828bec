package io.quarry.scheduler.service;

import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;

/** Where the active Scheduler is: a configured address, or (with HA) whatever ZooKeeper names. */
interface SchedulerLocator extends AutoCloseable {
    /**
     * The address to call now.
     *
     * @throws QuarryException UNAVAILABLE when no active Scheduler is known
     */
    HostAndPort current() throws QuarryException;

    /** A call to {@code address} failed over to elsewhere: look the active up again next time. */
    void failed(HostAndPort address);

    /** Whether the active may move (HA), so failed calls are worth retrying elsewhere. */
    boolean followsFailover();

    /** How errors and logs name the Scheduler. */
    String describe();

    @Override
    void close();
}
