package io.quarry.dfs.namenode.ha;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.LeaderElection;
import io.quarry.common.ha.LeadershipListener;
import io.quarry.common.ha.ZooKeeperClients;

/**
 * One NameNode's connection to the HA quorum: the QFS cluster id both NameNodes share, the journal
 * and image store in ZooKeeper, and the NameNode election. Keeps Curator out of the rest of the
 * NameNode.
 */
public final class ZkNameNodeStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZkNameNodeStore.class);
    public static final String ROLE = ZkPaths.ROLE;

    private final CuratorFramework client;
    private final String quorum;

    private ZkNameNodeStore(CuratorFramework client, String quorum) {
        this.client = requireNonNull(client, "client is null");
        this.quorum = requireNonNull(quorum, "quorum is null");
    }

    public static ZkNameNodeStore connect(HaSettings settings) throws IOException {
        return new ZkNameNodeStore(ZooKeeperClients.connect(settings), settings.quorum().orElseThrow());
    }

    /**
     * The cluster id of the QFS cluster the NameNodes of this ZooKeeper namespace serve: the one
     * stored there, or (the first time) {@code configured}, or a new one.
     */
    public String clusterId(String configured) throws IOException {
        String proposed = configured != null ? configured : "QFS-" + UUID.randomUUID();
        try {
            try {
                client.create().creatingParentContainersIfNeeded().forPath(ZkPaths.CLUSTER_ID,
                        proposed.getBytes(StandardCharsets.UTF_8));
                LOG.info("Cluster id {} stored in ZooKeeper at {} ({})", proposed, ZkPaths.CLUSTER_ID, quorum);
                return proposed;
            } catch (KeeperException.NodeExistsException e) {
                String stored = new String(client.getData().forPath(ZkPaths.CLUSTER_ID), StandardCharsets.UTF_8);
                if (configured != null && !configured.equals(stored)) {
                    throw new IOException("ZooKeeper " + quorum + " holds cluster id " + stored + " at " + ZkPaths.CLUSTER_ID
                            + " but quarry.cluster.id is " + configured);
                }
                return stored;
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot read or store the cluster id at " + ZkPaths.CLUSTER_ID + " in ZooKeeper " + quorum
                    + ": " + e.getMessage(), e);
        }
    }

    public ZkJournal newJournal(KryoCodec codec, int maxBatchEntries, Consumer<String> onFenced) {
        return new ZkJournal(client, codec, maxBatchEntries, onFenced);
    }

    public ZkImageStore newImageStore(KryoCodec codec, String clusterId, Supplier<Epoch> epoch) {
        return new ZkImageStore(client, codec, clusterId, epoch);
    }

    public LeaderElection newElection(String address, LeadershipListener listener) {
        return new LeaderElection(client, ROLE, address, listener);
    }

    /** The address the active NameNode has published, empty when none is active. */
    public java.util.Optional<String> activeAddress() throws Exception {
        return LeaderElection.activeAddress(client, ROLE);
    }

    public String quorum() {
        return quorum;
    }

    /** Expires this NameNode's ZooKeeper session now, as a long pause would (for tests of fencing). */
    public void expireSessionForTest() throws Exception {
        client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    }

    @Override
    public void close() {
        client.close();
    }
}
