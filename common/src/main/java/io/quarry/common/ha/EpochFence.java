package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import static java.util.Objects.requireNonNull;

/**
 * The epoch of one role: a persistent counter a new leader increments with a compare-and-set, and
 * ZooKeeper transactions that check the counter's version, so a deposed leader's writes are refused
 * by ZooKeeper once a newer leader has taken over.
 */
public final class EpochFence {
    private final CuratorFramework client;
    private final String role;
    private final String path;

    public EpochFence(CuratorFramework client, String role) {
        this.client = requireNonNull(client, "client is null");
        this.role = requireNonNull(role, "role is null");
        this.path = HaPaths.epoch(role);
    }

    /** Increments the epoch (creating it at 0 first if needed) and returns the caller's new term. */
    public Epoch advance() throws Exception {
        ensureExists();
        while (true) {
            Stat stat = new Stat();
            long current = parse(client.getData().storingStatIn(stat).forPath(path));
            long next = current + 1;
            try {
                Stat written = client.setData().withVersion(stat.getVersion()).forPath(path, encode(next));
                return new Epoch(next, written.getVersion());
            } catch (KeeperException.BadVersionException raced) {
                // Another candidate advanced it between our read and write: read again.
            }
        }
    }

    /** The latest epoch number written, 0 when no leader has ever been elected. */
    public long current() throws Exception {
        try {
            return parse(client.getData().forPath(path));
        } catch (KeeperException.NoNodeException e) {
            return 0;
        }
    }

    /**
     * Commits {@code ops} in one ZooKeeper transaction that also checks the epoch is still {@code epoch}.
     *
     * @throws FencedException when a newer leader has advanced the epoch
     */
    public List<CuratorTransactionResult> commit(Epoch epoch, List<CuratorOp> ops) throws Exception {
        requireNonNull(epoch, "epoch is null");
        List<CuratorOp> all = new ArrayList<>(ops.size() + 1);
        all.add(client.transactionOp().check().withVersion(epoch.zkVersion()).forPath(path));
        all.addAll(ops);
        try {
            return client.transaction().forOperations(all);
        } catch (KeeperException.BadVersionException e) {
            throw new FencedException("Write of " + role + " epoch " + epoch.number() + " refused: a newer leader holds "
                    + path + " (now epoch " + current() + ")", e);
        }
    }

    private void ensureExists() throws Exception {
        try {
            client.create().creatingParentContainersIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, encode(0));
        } catch (KeeperException.NodeExistsException alreadyThere) {
            // The usual case after the first election.
        }
    }

    private long parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Epoch node " + path + " holds '" + text + "', expected a decimal number", e);
        }
    }

    private static byte[] encode(long value) {
        return Long.toString(value).getBytes(StandardCharsets.UTF_8);
    }
}
