package io.quarry.dfs.namenode.ha;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.ha.Epoch;
import io.quarry.common.ha.EpochFence;
import io.quarry.dfs.namenode.journal.CheckpointStore;
import io.quarry.dfs.namenode.journal.EntryFraming;
import io.quarry.dfs.namenode.journal.ImageStore;
import io.quarry.dfs.namenode.journal.Records;

/**
 * Checkpoint images in ZooKeeper, so any NameNode (a new standby too) can start from the newest:
 * {@code /namenode/images/i-<txid>} with the image in parts {@code p-00000, ...} of at most
 * {@value #PART_BYTES} bytes. The image node's data, a manifest (parts, bytes, CRC32C), is
 * written last: an image without one is unfinished and ignored. Every write checks the epoch.
 */
public final class ZkImageStore implements ImageStore {
    private static final Logger LOG = LoggerFactory.getLogger(ZkImageStore.class);
    static final int PART_BYTES = 512 * 1024;
    private static final int MANIFEST_BYTES = 16;

    private final CuratorFramework client;
    private final KryoCodec codec;
    private final String clusterId;
    private final EpochFence fence;
    private final Supplier<Epoch> epoch;

    /** @param epoch the term of this NameNode while it is the active, null otherwise */
    public ZkImageStore(CuratorFramework client, KryoCodec codec, String clusterId, Supplier<Epoch> epoch) {
        this.client = requireNonNull(client, "client is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.fence = new EpochFence(client, ZkPaths.ROLE);
        this.epoch = requireNonNull(epoch, "epoch is null");
    }

    @Override
    public void write(Records.CheckpointHeader header, List<Records.InodeImage> inodes) throws IOException {
        Epoch term = epoch.get();
        if (term == null) {
            throw new IOException("Only the active NameNode writes images to ZooKeeper");
        }
        long txid = header.lastTxid();
        byte[] image = CheckpointStore.encode(codec, header, inodes);
        String path = ZkPaths.image(txid);
        try {
            if (client.checkExists().forPath(path) != null) {
                byte[] manifest = client.getData().forPath(path);
                if (manifest.length == MANIFEST_BYTES) {
                    return; // nothing changed since that image
                }
                client.delete().deletingChildrenIfNeeded().forPath(path);
            }
            client.create().creatingParentContainersIfNeeded().forPath(ZkPaths.IMAGES);
        } catch (KeeperException.NodeExistsException e) {
            // the images node exists, as usual
        } catch (Exception e) {
            throw new IOException("Cannot prepare image " + path + " in ZooKeeper: " + e.getMessage(), e);
        }
        int parts = (image.length + PART_BYTES - 1) / PART_BYTES;
        try {
            fence.commit(term, List.of(client.transactionOp().create().forPath(path, new byte[0])));
            for (int i = 0; i < parts; i++) {
                byte[] part = Arrays.copyOfRange(image, i * PART_BYTES, Math.min(image.length, (i + 1) * PART_BYTES));
                fence.commit(term, List.of(client.transactionOp().create().forPath(ZkPaths.imagePart(txid, i), part)));
            }
            byte[] manifest = ByteBuffer.allocate(MANIFEST_BYTES).putInt(parts).putInt(image.length)
                    .putInt(EntryFraming.crc(image, 0, image.length)).putInt(0).array();
            fence.commit(term, List.of(client.transactionOp().setData().forPath(path, manifest)));
        } catch (Exception e) {
            throw new IOException("Cannot write image " + path + " (" + image.length + " bytes in " + parts + " parts) to ZooKeeper: "
                    + e.getMessage(), e);
        }
        LOG.info("Image at txid {} written to ZooKeeper: {} inodes, {} bytes in {} parts", txid, inodes.size(), image.length, parts);
    }

    @Override
    public CheckpointStore.Image loadNewest() throws IOException {
        List<Long> txids = imageTxids();
        for (int i = txids.size() - 1; i >= 0; i--) {
            String path = ZkPaths.image(txids.get(i));
            try {
                CheckpointStore.Image image = read(txids.get(i));
                if (image != null) {
                    return image;
                }
                LOG.info("Image {} in ZooKeeper is unfinished; trying an older one", path);
            } catch (IOException e) {
                LOG.warn("Image {} in ZooKeeper is unusable ({}); trying an older one", path, e.getMessage());
            }
        }
        return null;
    }

    private CheckpointStore.Image read(long txid) throws IOException {
        String path = ZkPaths.image(txid);
        try {
            byte[] manifest = client.getData().forPath(path);
            if (manifest.length != MANIFEST_BYTES) {
                return null;
            }
            ByteBuffer m = ByteBuffer.wrap(manifest);
            int parts = m.getInt();
            int length = m.getInt();
            int crc = m.getInt();
            ByteArrayOutputStream out = new ByteArrayOutputStream(length);
            for (int i = 0; i < parts; i++) {
                out.write(client.getData().forPath(ZkPaths.imagePart(txid, i)));
            }
            byte[] image = out.toByteArray();
            if (image.length != length || EntryFraming.crc(image, 0, image.length) != crc) {
                throw new IOException(path + " holds " + image.length + " bytes, expected " + length + " with the manifest's CRC32C");
            }
            return CheckpointStore.decode(codec, clusterId, image, "image " + path + " in ZooKeeper");
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot read image " + path + " from ZooKeeper: " + e.getMessage(), e);
        }
    }

    @Override
    public long pruneKeeping(int retained) throws IOException {
        List<Long> txids = imageTxids();
        int excess = txids.size() - Math.max(1, retained);
        for (int i = 0; i < excess; i++) {
            try {
                client.delete().deletingChildrenIfNeeded().forPath(ZkPaths.image(txids.get(i)));
                LOG.info("Deleted old image {} from ZooKeeper", ZkPaths.image(txids.get(i)));
            } catch (KeeperException.NoNodeException e) {
                // already gone
            } catch (Exception e) {
                throw new IOException("Cannot delete image " + ZkPaths.image(txids.get(i)) + ": " + e.getMessage(), e);
            }
        }
        return txids.isEmpty() ? -1 : txids.get(Math.max(0, excess));
    }

    private List<Long> imageTxids() throws IOException {
        List<String> names;
        try {
            names = client.getChildren().forPath(ZkPaths.IMAGES);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw new IOException("Cannot list " + ZkPaths.IMAGES + " in ZooKeeper: " + e.getMessage(), e);
        }
        List<Long> txids = new ArrayList<>();
        for (String name : names) {
            long txid = ZkPaths.txidOfImage(name);
            if (txid >= 0) {
                txids.add(txid);
            }
        }
        txids.sort(null);
        return txids;
    }

    @Override
    public String toString() {
        return "ZooKeeper " + ZkPaths.IMAGES;
    }
}
