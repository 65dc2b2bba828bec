package io.quarry.common.ha;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

import static java.util.Objects.requireNonNull;

/**
 * A master's durable state in ZooKeeper under {@code /<role>/<name>}: every write is one ZooKeeper
 * transaction that also checks the writer's epoch ({@link EpochFence}), so a deposed active can
 * never change it. Reads are plain. Paths given to it are relative to its root ({@code jobs/x}).
 */
public final class FencedStore {
    private final CuratorFramework client;
    private final EpochFence fence;
    private final String root;

    FencedStore(CuratorFramework client, String role, String name) {
        this.client = requireNonNull(client, "client is null");
        this.fence = new EpochFence(client, role);
        requireNonNull(name, "name is null");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("store name must be a non-empty name without '/', got '" + name + "'");
        }
        this.root = HaPaths.role(role) + "/" + name;
    }

    /** Creates the given directories (relative paths, parents first) if missing; unfenced, as they hold nothing. */
    public void ensureDirectories(String... paths) throws IOException {
        try {
            for (String path : paths) {
                try {
                    client.create().creatingParentContainersIfNeeded().withMode(CreateMode.PERSISTENT).forPath(absolute(path));
                } catch (KeeperException.NodeExistsException alreadyThere) {
                    // Created by an earlier active.
                }
            }
        } catch (Exception e) {
            throw failure("create directories under " + root, e);
        }
    }

    /** The node's data, empty when it does not exist. */
    public Optional<byte[]> get(String path) throws IOException {
        try {
            return Optional.of(client.getData().forPath(absolute(path)));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw failure("read " + absolute(path), e);
        }
    }

    /** The names of the node's children (unsorted), empty when it does not exist. */
    public List<String> children(String path) throws IOException {
        try {
            return client.getChildren().forPath(absolute(path));
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw failure("list " + absolute(path), e);
        }
    }

    public boolean exists(String path) throws IOException {
        try {
            return client.checkExists().forPath(absolute(path)) != null;
        } catch (Exception e) {
            throw failure("look up " + absolute(path), e);
        }
    }

    /**
     * Applies the writes atomically, provided {@code epoch} is still the role's current one.
     *
     * @throws FencedException when a newer active has taken over: nothing was written
     * @throws IOException     when ZooKeeper refused the transaction or could not be reached; nothing was written
     *                         unless the connection was lost after ZooKeeper applied it
     */
    public void write(Epoch epoch, List<StoreOp> ops) throws IOException {
        requireNonNull(epoch, "epoch is null");
        if (ops.isEmpty()) {
            return;
        }
        List<CuratorOp> curatorOps = new ArrayList<>(ops.size());
        try {
            for (StoreOp op : ops) {
                String path = absolute(op.path());
                if (op instanceof StoreOp.Create create) {
                    curatorOps.add(client.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(path, create.data()));
                } else if (op instanceof StoreOp.Set set) {
                    curatorOps.add(client.transactionOp().setData().forPath(path, set.data()));
                } else {
                    curatorOps.add(client.transactionOp().delete().forPath(path));
                }
            }
            fence.commit(epoch, curatorOps);
        } catch (FencedException e) {
            throw e;
        } catch (Exception e) {
            throw failure("write " + ops.size() + " change(s) under " + root + " in epoch " + epoch.number()
                    + " (first " + ops.get(0).path() + ")", e);
        }
    }

    /**
     * Deletes a subtree, unfenced: only for state its writer has already retired with a fenced write
     * (so that a deposed writer deleting it changes nothing that matters).
     */
    public void deleteTree(String path) throws IOException {
        try {
            client.delete().deletingChildrenIfNeeded().forPath(absolute(path));
        } catch (KeeperException.NoNodeException gone) {
            // Already deleted.
        } catch (Exception e) {
            throw failure("delete " + absolute(path), e);
        }
    }

    private String absolute(String path) {
        requireNonNull(path, "path is null");
        return path.isEmpty() ? root : root + "/" + path;
    }

    private static IOException failure(String what, Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof KeeperException.ConnectionLossException || e instanceof KeeperException.SessionExpiredException
                || e instanceof KeeperException.OperationTimeoutException) {
            return new HaUnavailableException("ZooKeeper could not " + what + ": " + e.getMessage(), e);
        }
        return new IOException("ZooKeeper refused to " + what + ": " + e.getMessage(), e);
    }
}
