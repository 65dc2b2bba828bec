package io.quarry.dfs.namenode;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.LeaderElection;
import io.quarry.common.ha.LeadershipListener;
import io.quarry.dfs.namenode.controller.ServiceRole;
import io.quarry.dfs.namenode.ha.ZkJournal;
import io.quarry.dfs.namenode.ha.ZkNameNodeStore;

/**
 * Runs one NameNode of an HA pair. As a standby it tails the ZooKeeper journal into its namespace
 * every {@value #TAIL_MILLIS} ms. Elected, it reads the journal to its end and starts writing in
 * its new epoch, and only then serves clients. Losing the election, or a journal write refused by
 * ZooKeeper (a newer active holds the epoch), stops client service at once; since its namespace
 * may then hold changes that never reached the journal, it reloads as a standby from ZooKeeper's
 * newest image and journal. State changes run one at a time on the {@code namenode-ha} thread.
 */
final class HaSupervisor implements LeadershipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HaSupervisor.class);
    static final long TAIL_MILLIS = 20;
    private static final long RELOAD_BACKOFF_MILLIS = 500;
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofSeconds(60);

    /** Owns the current namespace core and replaces it (the NameNode). */
    interface Cores {
        NameNodeCore current();

        /** Loads a fresh standby core from ZooKeeper. */
        NameNodeCore loadStandby() throws IOException;

        /** Serves from {@code next} from now on and aborts the previous core. */
        void replace(NameNodeCore next);
    }

    private static final long WATCHDOG_MILLIS = 500;

    private final ZkNameNodeStore store;
    private final Cores cores;
    private final String address;
    private final long leaderlessGraceNanos;
    /** Watchdog thread only: since when no NameNode has been published as the active, or -1. */
    private long leaderlessSince = -1;
    private final ExecutorService transitions = Executors.newSingleThreadExecutor(Threads.named("namenode-ha-%d"));
    private final ScheduledExecutorService tailer = Executors.newSingleThreadScheduledExecutor(Threads.named("namenode-ha-tail-%d"));
    private final ScheduledExecutorService watchdogTimer = Executors.newSingleThreadScheduledExecutor(
            Threads.named("namenode-ha-watchdog-%d"));
    private final Object lock = new Object();
    private final AtomicBoolean tailQueued = new AtomicBoolean();
    private volatile boolean closed;
    private volatile LeaderElection election;
    /** The term this NameNode won and has not lost; guarded by lock. */
    private Epoch leading;
    /** The term this NameNode writes in, once it has taken over; null otherwise. */
    private volatile Epoch activeEpoch;
    /** The core may hold changes that are not in the journal (it was active): reload before serving again. */
    private volatile boolean tainted;

    /**
     * @param leaderlessGrace after this long without any active NameNode published while this one
     *                        is not leading, it rejoins the election (a candidate that failed to take
     *                        office leaves the election, and with both out nobody would be active)
     */
    HaSupervisor(ZkNameNodeStore store, Cores cores, String address, Duration leaderlessGrace) {
        this.leaderlessGraceNanos = leaderlessGrace.toNanos();
        this.store = requireNonNull(store, "store is null");
        this.cores = requireNonNull(cores, "cores is null");
        this.address = requireNonNull(address, "address is null");
    }

    /** The epoch the active writes its images in (null unless active). */
    Epoch activeEpoch() {
        return activeEpoch;
    }

    void start() throws Exception {
        tailer.scheduleWithFixedDelay(this::tailSoon, TAIL_MILLIS, TAIL_MILLIS, TimeUnit.MILLISECONDS);
        watchdogTimer.scheduleWithFixedDelay(this::watchdog, WATCHDOG_MILLIS, WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
        election = store.newElection(address, this);
        election.start();
    }

    // ---- standby: follow the journal ----

    private void tailSoon() {
        NameNodeCore core = cores.current();
        if (closed || core.role().isActive() || tainted || !tailQueued.compareAndSet(false, true)) {
            return;
        }
        boolean queued = core.controller().event("tail journal", () -> {
            tailQueued.set(false);
            tail(core);
        });
        if (!queued) {
            tailQueued.set(false);
        }
    }

    /** Controller thread of {@code core}. */
    private void tail(NameNodeCore core) {
        ZkJournal journal = (ZkJournal) core.journal();
        if (core.role().isActive() || journal.isWriting() || cores.current() != core) {
            return;
        }
        try {
            int applied = journal.tail((txid, record) -> core.applier().apply(record));
            if (applied > 0) {
                core.ops().datanodes().applyHeldChanges();
                LOG.debug("Standby {} applied {} journal entries (now at txid {})", address, applied, journal.lastAppendedTxid());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Standby {} cannot follow the journal ({}); reloading from ZooKeeper", address, e.toString());
            tainted = true;
            transitions.execute(this::reloadIfTainted);
        }
    }

    /** Rejoins the election when no NameNode has been active for the grace period and this one is not leading. */
    private void watchdog() {
        if (closed) {
            return;
        }
        synchronized (lock) {
            if (leading != null) {
                leaderlessSince = -1;
                return;
            }
        }
        boolean someoneActive;
        try {
            someoneActive = store.activeAddress().isPresent();
        } catch (Exception e) {
            return; // ZooKeeper unreachable: the election itself waits for it
        }
        long now = System.nanoTime();
        if (someoneActive) {
            leaderlessSince = -1;
        } else if (leaderlessSince < 0) {
            leaderlessSince = now;
        } else if (now - leaderlessSince > leaderlessGraceNanos) {
            LOG.warn("No NameNode has been active for {} ms; NameNode {} rejoins the election", (now - leaderlessSince) / 1_000_000,
                    address);
            leaderlessSince = -1;
            transitions.execute(this::rejoinElection);
        }
    }

    // ---- election ----

    @Override
    public void gained(Epoch epoch) {
        synchronized (lock) {
            leading = epoch;
        }
        transitions.execute(() -> takeOver(epoch));
    }

    @Override
    public void lost() {
        NameNodeCore core = cores.current();
        boolean wasActive;
        synchronized (lock) {
            leading = null;
            wasActive = core.role().isActive();
            core.role().set(ServiceRole.State.STANDBY);
        }
        activeEpoch = null;
        ((ZkJournal) core.journal()).stopWriting();
        if (wasActive) {
            tainted = true;
            LOG.warn("NameNode {} lost the election: no longer the active; stopped serving clients", address);
        }
        if (!closed) {
            transitions.execute(this::reloadIfTainted);
        }
    }

    /** The journal writer's report that ZooKeeper refused a batch: a newer active holds the epoch. */
    void fenced(String reason) {
        NameNodeCore core = cores.current();
        synchronized (lock) {
            leading = null;
            core.role().set(ServiceRole.State.STANDBY);
        }
        activeEpoch = null;
        tainted = true;
        LOG.warn("NameNode {} was fenced ({}); stepping down to standby", address, reason);
        if (!closed) {
            transitions.execute(() -> {
                rejoinElection();
                reloadIfTainted();
            });
        }
    }

    /** Leaves the election and joins it again, so a fenced NameNode does not keep the latch from the others. */
    private void rejoinElection() {
        LeaderElection previous = election;
        previous.close();
        if (closed) {
            return;
        }
        LeaderElection next = store.newElection(address, this);
        election = next;
        try {
            next.start();
        } catch (Exception e) {
            LOG.error("NameNode {} cannot rejoin the election: {}", address, e.toString(), e);
        }
    }

    private void takeOver(Epoch epoch) {
        long started = System.nanoTime();
        for (int attempt = 1; !closed; attempt++) {
            synchronized (lock) {
                if (!epoch.equals(leading)) {
                    return; // lost again before taking over
                }
            }
            reloadIfTainted();
            NameNodeCore core = cores.current();
            CompletableFuture<Integer> done = new CompletableFuture<>();
            boolean queued = core.controller().event("take over", () -> {
                try {
                    done.complete(catchUpAndWrite(core, epoch));
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            if (!queued) {
                return;
            }
            try {
                int caughtUp = done.get(TAKEOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (caughtUp >= 0) {
                    LOG.info("NameNode {} is the active in epoch {}: read {} journal entries to the end (txid {}) in {} ms",
                            address, epoch.number(), caughtUp, core.journal().lastAppendedTxid(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("NameNode {} could not take over in epoch {} (attempt {}): {}; reloading", address, epoch.number(),
                        attempt, e.toString());
                tainted = true;
                if (attempt >= 3) {
                    LOG.error("NameNode {} gives up epoch {} after {} attempts; rejoining the election", address, epoch.number(), attempt);
                    rejoinElection();
                    return;
                }
            }
        }
    }

    /** Controller thread: reads the journal to its end, then appends in {@code epoch}; -1 when the term was lost meanwhile. */
    private int catchUpAndWrite(NameNodeCore core, Epoch epoch) throws IOException {
        ZkJournal journal = (ZkJournal) core.journal();
        int applied = journal.catchUp((txid, record) -> core.applier().apply(record));
        core.ops().datanodes().applyHeldChanges();
        synchronized (lock) {
            if (!epoch.equals(leading)) {
                return -1;
            }
            journal.startWriting(epoch);
            activeEpoch = epoch;
            tainted = true;
            core.role().setEpoch(epoch.number());
            core.role().set(ServiceRole.State.ACTIVE);
        }
        return applied;
    }

    private void reloadIfTainted() {
        for (int attempt = 1; tainted && !closed; attempt++) {
            try {
                NameNodeCore fresh = cores.loadStandby();
                tainted = false;
                cores.replace(fresh);
                LOG.info("NameNode {} reloaded its namespace from ZooKeeper as a standby (txid {})", address,
                        fresh.journal().lastAppendedTxid());
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("NameNode {} cannot reload from ZooKeeper (attempt {}): {}", address, attempt, e.toString());
                try {
                    Thread.sleep(RELOAD_BACKOFF_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    boolean isActive() {
        return cores.current().role().isActive();
    }

    /** Leaves the election (withdrawing the published address) and stops following the journal. */
    @Override
    public void close() {
        closed = true;
        tailer.shutdownNow();
        watchdogTimer.shutdownNow();
        LeaderElection current = election;
        if (current != null) {
            current.close();
        }
        transitions.shutdownNow();
        try {
            transitions.awaitTermination(10, TimeUnit.SECONDS);
            tailer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once, without leaving the election politely (the session dies with the store). */
    void abort() {
        closed = true;
        tailer.shutdownNow();
        watchdogTimer.shutdownNow();
        transitions.shutdownNow();
    }
}
