package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarry.common.concurrent.Threads;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Leader election for one master role on Curator's {@link LeaderLatch}. The leader advances the
 * role's epoch ({@link EpochFence}) and then publishes its address in an ephemeral
 * {@code /<role>/active} node, in a transaction checked against that epoch; only then is it
 * {@linkplain #isLeader() the leader}. Losing the ZooKeeper connection loses leadership.
 */
public final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
    private static final int PUBLISH_ATTEMPTS = 5;

    private final CuratorFramework client;
    private final String role;
    private final String myAddress;
    private final LeadershipListener listener;
    private final EpochFence fence;
    private final LeaderLatch latch;
    private final ExecutorService events;
    private final Object lock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Epoch epoch; // non-null while leading; guarded by lock

    public LeaderElection(CuratorFramework client, String role, String myAddress, LeadershipListener listener) {
        this.client = requireNonNull(client, "client is null");
        this.role = requireNonNull(role, "role is null");
        this.myAddress = requireNonNull(myAddress, "myAddress is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.fence = new EpochFence(client, role);
        this.latch = new LeaderLatch(client, HaPaths.latch(role), myAddress);
        this.events = Executors.newSingleThreadExecutor(Threads.named("ha-" + role + "-election-%d"));
    }

    /** Joins the election; returns at once (see {@link #awaitLeadership}). */
    public void start() throws Exception {
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                becomeLeader();
            }

            @Override
            public void notLeader() {
                stepDown("lost the leader latch");
            }
        }, events);
        latch.start();
        LOG.info("{} {}: joined the election", role, myAddress);
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
            latch.close();
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
            latch.close(LeaderLatch.CloseMode.SILENT);
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
