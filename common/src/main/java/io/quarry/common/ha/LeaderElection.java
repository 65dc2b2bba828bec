package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarry.common.concurrent.Threads;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Leader election for one master role on Curator's {@link LeaderLatch}. The leader advances the
 * role's epoch ({@link EpochFence}) and then publishes its address in an ephemeral
 * {@code /<role>/active} node, in a transaction checked against that epoch; only then is it
 * {@linkplain #isLeader() the leader}. Losing the ZooKeeper connection loses leadership.
 *
 * <p>Graceful hand-over: while leading it watches {@code /<role>/handover}; a request naming its
 * address ({@link HandOver#request}) makes it withdraw its address, step down and rejoin at the back
 * of the queue, so another candidate takes over. A request naming anyone else is stale and dropped.
 */
public final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
    private static final int PUBLISH_ATTEMPTS = 5;

    private final CuratorFramework client;
    private final String role;
    private final String myAddress;
    private final LeadershipListener listener;
    private final EpochFence fence;
    private final ExecutorService events;
    private final Object lock = new Object();
    private final Object latchLock = new Object(); // orders closing and replacing the latch
    private final CuratorWatcher handOverWatcher = this::onHandOverEvent;
    private volatile LeaderLatch latch; // replaced when this process hands leadership over
    private final AtomicBoolean closed = new AtomicBoolean();
    private Epoch epoch; // non-null while leading; guarded by lock

    public LeaderElection(CuratorFramework client, String role, String myAddress, LeadershipListener listener) {
        this.client = requireNonNull(client, "client is null");
        this.role = requireNonNull(role, "role is null");
        this.myAddress = requireNonNull(myAddress, "myAddress is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.fence = new EpochFence(client, role);
        this.events = Executors.newSingleThreadExecutor(Threads.named("ha-" + role + "-election-%d"));
        this.latch = newLatch();
    }

    /** Joins the election; returns at once (see {@link #awaitLeadership}). */
    public void start() throws Exception {
        synchronized (latchLock) {
            latch.start();
        }
        LOG.info("{} {}: joined the election", role, myAddress);
    }

    private LeaderLatch newLatch() {
        LeaderLatch fresh = new LeaderLatch(client, HaPaths.latch(role), myAddress);
        fresh.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                becomeLeader();
            }

            @Override
            public void notLeader() {
                stepDown("lost the leader latch");
            }
        }, events);
        return fresh;
    }

    /** The address this candidate publishes when it leads. */
    public String address() {
        return myAddress;
    }

    /** True while this process is the active: it holds the latch, its epoch and its published address. */
    public boolean isLeader() {
        synchronized (lock) {
            return epoch != null;
        }
    }

    /** The epoch of the current term, empty when not leading. */
    public Optional<Epoch> epoch() {
        synchronized (lock) {
            return Optional.ofNullable(epoch);
        }
    }

    /** Waits until this process leads or the timeout passes; returns whether it leads. */
    public boolean awaitLeadership(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (epoch == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** The role's epoch fence, for writes that must be refused once this process is deposed. */
    public EpochFence fence() {
        return fence;
    }

    /** The address the role's active has published, empty when none is active. */
    public static Optional<String> activeAddress(CuratorFramework client, String role) throws Exception {
        try {
            return Optional.of(new String(client.getData().forPath(HaPaths.active(role)), StandardCharsets.UTF_8));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        }
    }

    private void becomeLeader() {
        Epoch term;
        try {
            term = fence.advance();
            publish(term);
        } catch (Exception e) {
            LOG.warn("{} {}: won the latch but could not take an epoch and publish its address; leaving the election",
                    role, myAddress, e);
            leaveElection();
            return;
        }
        synchronized (lock) {
            epoch = term;
            lock.notifyAll();
        }
        LOG.info("{} {}: became the active in epoch {}", role, myAddress, term.number());
        try {
            listener.gained(term);
        } catch (RuntimeException e) {
            LOG.error("{} {}: the leadership listener failed on gaining epoch {}", role, myAddress, term.number(), e);
        }
        checkHandOverRequest();
    }

    private void onHandOverEvent(WatchedEvent event) {
        if (event.getType() == Watcher.Event.EventType.None || closed.get()) {
            return;
        }
        try {
            events.execute(this::checkHandOverRequest);
        } catch (RejectedExecutionException closing) {
            // The election is closing: nothing to hand over.
        }
    }

    /** On the election thread: re-arms the watch on the request node and acts on a request while leading. */
    private void checkHandOverRequest() {
        Optional<Epoch> term = epoch();
        if (term.isEmpty() || closed.get()) {
            return;
        }
        String path = HaPaths.handOverRequest(role);
        try {
            if (client.checkExists().usingWatcher(handOverWatcher).forPath(path) == null) {
                return;
            }
            String named = new String(client.getData().forPath(path), StandardCharsets.UTF_8);
            if (!named.equals(myAddress)) {
                LOG.info("{} {}: dropping a stale hand-over request naming {}", role, myAddress, named);
                fence.commit(term.get(), List.of(client.transactionOp().delete().forPath(path)));
                return;
            }
            handOver(term.get(), path);
        } catch (KeeperException.NoNodeException raced) {
            // The request went away between our reads.
        } catch (FencedException deposed) {
            stepDown("fenced: " + deposed.getMessage());
        } catch (Exception e) {
            LOG.warn("{} {}: could not read the hand-over request {}", role, myAddress, path, e);
        }
    }

    /**
     * Gives leadership up now (this process cannot serve as the active, say it could not write its
     * state) and rejoins as a candidate at the back of the queue; returns at once. Nothing happens
     * unless it leads in {@code term}.
     */
    public void relinquish(Epoch term, String why) {
        requireNonNull(term, "term is null");
        try {
            events.execute(() -> {
                if (!epoch().filter(term::equals).isPresent() || closed.get()) {
                    return;
                }
                LOG.warn("{} {}: relinquishing leadership of epoch {}: {}", role, myAddress, term.number(), why);
                handOver(term, null);
            });
        } catch (RejectedExecutionException closing) {
            // Closed already: nothing to relinquish.
        }
    }

    /**
     * Withdraws the address (and the request, when there is one) in one fenced transaction, steps
     * down, and rejoins as a candidate.
     */
    private void handOver(Epoch term, String requestPath) {
        LOG.info("{} {}: handing leadership over (epoch {})", role, myAddress, term.number());
        String why = "handed over";
        try {
            List<CuratorOp> ops = new ArrayList<>();
            if (requestPath != null) {
                ops.add(client.transactionOp().delete().forPath(requestPath));
            }
            if (client.checkExists().forPath(HaPaths.active(role)) != null) {
                ops.add(client.transactionOp().delete().forPath(HaPaths.active(role)));
            }
            if (!ops.isEmpty()) {
                fence.commit(term, ops);
            }
        } catch (FencedException deposed) {
            why = "fenced: " + deposed.getMessage();
        } catch (Exception e) {
            LOG.warn("{} {}: could not withdraw its address; stepping down regardless", role, myAddress, e);
        }
        stepDown(why);
        rejoin();
    }

    private void rejoin() {
        synchronized (latchLock) {
            if (closed.get()) {
                return;
            }
            LeaderLatch old = latch;
            latch = newLatch();
            try {
                old.close(LeaderLatch.CloseMode.SILENT);
            } catch (Exception e) {
                LOG.warn("{} {}: closing the old leader latch failed", role, myAddress, e);
            }
            try {
                latch.start();
            } catch (Exception e) {
                LOG.error("{} {}: could not rejoin the election", role, myAddress, e);
            }
        }
        LOG.info("{} {}: rejoined the election as a candidate", role, myAddress);
    }

    /** Replaces whatever {@code /<role>/active} holds by an ephemeral node with this address, checked by the epoch. */
    private void publish(Epoch term) throws Exception {
        byte[] address = myAddress.getBytes(StandardCharsets.UTF_8);
        String path = HaPaths.active(role);
        for (int attempt = 1; ; attempt++) {
            CuratorOp create = client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(path, address);
            boolean exists = client.checkExists().forPath(path) != null;
            List<CuratorOp> ops = exists ? List.of(client.transactionOp().delete().forPath(path), create) : List.of(create);
            try {
                fence.commit(term, ops);
                return;
            } catch (KeeperException.NoNodeException | KeeperException.NodeExistsException raced) {
                if (attempt >= PUBLISH_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** Gives up candidacy for good: the role's other candidates take over. */
    private void leaveElection() {
        try {
            synchronized (latchLock) {
                latch.close();
            }
        } catch (Exception e) {
            LOG.warn("{} {}: closing the leader latch failed", role, myAddress, e);
        }
    }

    private void stepDown(String why) {
        boolean wasLeading;
        synchronized (lock) {
            wasLeading = epoch != null;
            epoch = null;
        }
        if (wasLeading) {
            LOG.info("{} {}: no longer the active ({})", role, myAddress, why);
            try {
                listener.lost();
            } catch (RuntimeException e) {
                LOG.error("{} {}: the leadership listener failed on losing leadership", role, myAddress, e);
            }
        }
    }

    /** Leaves the election: withdraws the published address while still leading, then closes the latch. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Optional<Epoch> term = epoch();
        if (term.isPresent()) {
            try {
                fence.commit(term.get(), List.of(client.transactionOp().delete().forPath(HaPaths.active(role))));
            } catch (Exception e) {
                LOG.debug("{} {}: could not withdraw the active address", role, myAddress, e);
            }
        }
        try {
            synchronized (latchLock) {
                latch.close(LeaderLatch.CloseMode.SILENT);
            }
        } catch (Exception e) {
            LOG.warn("{} {}: closing the leader latch failed", role, myAddress, e);
        }
        events.shutdown();
        stepDown("closed");
    }

    @Override
    public String toString() {
        return "LeaderElection[" + role + " " + myAddress + "]";
    }
}
