package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.LeaderElection;
import io.quarry.common.ha.LeadershipListener;
import io.quarry.common.rpc.CallContext;
import io.quarry.common.rpc.RpcService;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC face of an HA Scheduler: while this process is the elected active it hands calls to a
 * {@link SchedulerService} built for its term, which first reloads the state the previous actives
 * left in ZooKeeper and resumes their jobs; otherwise it answers every call with a STANDBY error
 * naming the active, so clients and Workers look it up again. Losing leadership (deposed, ZooKeeper
 * lost, or a failed state write) drops the term's service and all it held in memory.
 */
final class ActiveSchedulerSwitch implements RpcService, LeadershipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveSchedulerSwitch.class);
    private static final long RECOVERY_TIMEOUT_SECONDS = 120;
    private static final long STANDBY_LOOKUP_MILLIS = 500;

    private final HaSession session;
    private final String address;
    private final BiFunction<Epoch, ActiveSchedulerSwitch, SchedulerService> services;
    private volatile LeaderElection election;
    private volatile SchedulerService active;
    private volatile boolean closed;

    /** @param services builds the term's service (with its state store) when this process becomes the active */
    ActiveSchedulerSwitch(HaSession session, String address, BiFunction<Epoch, ActiveSchedulerSwitch, SchedulerService> services) {
        this.session = requireNonNull(session, "session is null");
        this.address = requireNonNull(address, "address is null");
        this.services = requireNonNull(services, "services is null");
    }

    /** Joins the Scheduler election. */
    void start() throws Exception {
        LeaderElection joined = session.election(SchedulerDaemon.ROLE, address, this);
        election = joined;
        joined.start();
    }

    /** The term's service while this process is the active, else null. */
    SchedulerService active() {
        return active;
    }

    boolean isActive() {
        return active != null;
    }

    @Override
    public CompletionStage<?> handle(CallContext context, Object request) {
        SchedulerService service = active;
        if (service == null) {
            // Never block the RPC thread on ZooKeeper: name the active if ZooKeeper answers quickly.
            return session.activeAddressAsync(SchedulerDaemon.ROLE)
                    .handle((published, failure) -> failure != null ? "ZooKeeper cannot say which one is active now"
                            : published.filter(a -> !a.equals(address)).map(a -> "the active is " + a)
                            .orElse("no Scheduler is active right now"))
                    .completeOnTimeout("ZooKeeper did not say which one is active", STANDBY_LOOKUP_MILLIS, TimeUnit.MILLISECONDS)
                    .thenApply(where -> {
                        throw new CompletionException(new QuarryException(ErrorCode.STANDBY, "The Scheduler at " + address
                                + " is a standby; " + where));
                    });
        }
        return service.handle(context, request);
    }

    /** Called on the election's thread: reload the state and serve. */
    @Override
    public void gained(Epoch epoch) {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        SchedulerService service = null;
        try {
            service = services.apply(epoch, this);
            service.recover(service.stateStore().load()).get(RECOVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("Scheduler {}: could not take over as the active in epoch {}; stepping down", address, epoch.number(), e);
            if (service != null) {
                service.close();
            }
            relinquish(epoch, "recovery failed: " + e);
            return;
        }
        active = service;
        LOG.info("Scheduler {}: active in epoch {} after {} ms of recovery", address, epoch.number(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public void lost() {
        SchedulerService service = active;
        active = null;
        if (service != null) {
            LOG.warn("Scheduler {}: no longer the active; dropping its jobs' state (the next active reloads it)", address);
            service.close();
        }
    }

    /** A state write failed in {@code epoch}: give up leadership so that another Scheduler (or this one, afresh) takes over. */
    void relinquish(Epoch epoch, String why) {
        LeaderElection current = election;
        if (current != null) {
            current.relinquish(epoch, why);
        }
    }

    /**
     * Simulates a crash, for tests: stops serving without leaving the election; the caller then
     * drops the ZooKeeper session, which takes this process out of the election as its death would.
     */
    void abort() {
        closed = true;
        SchedulerService service = active;
        active = null;
        if (service != null) {
            service.close();
        }
    }

    /**
     * Stops serving first (a job commit under way finishes or stops before another Scheduler can
     * start it again), then leaves the election, withdrawing the published address.
     */
    @Override
    public void close() {
        closed = true;
        lost();
        LeaderElection current = election;
        if (current != null) {
            current.close();
        }
    }
}
