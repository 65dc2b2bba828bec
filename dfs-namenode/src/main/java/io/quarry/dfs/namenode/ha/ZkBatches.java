package io.quarry.dfs.namenode.ha;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

import io.quarry.common.codec.KryoCodec;
import io.quarry.dfs.namenode.journal.EntryFraming;
import io.quarry.dfs.namenode.journal.Journal.EntryConsumer;
import io.quarry.dfs.namenode.journal.JournalRecord;

/** Reads the ZooKeeper journal's batch nodes: which exist, their bytes, and the entries in them. */
final class ZkBatches {
    private final CuratorFramework client;
    private final KryoCodec codec;

    ZkBatches(CuratorFramework client, KryoCodec codec) {
        this.client = requireNonNull(client, "client is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    /**
     * Feeds the batch's entries after {@code lastTxid} to the consumer, in order; returns the last
     * txid applied.
     *
     * @throws IOException when a frame is corrupt or txids do not follow on
     */
    long apply(String path, byte[] data, long lastTxid, EntryConsumer consumer) throws IOException {
        int offset = 0;
        long last = lastTxid;
        while (offset < data.length) {
            EntryFraming.Frame frame = EntryFraming.read(data, offset, data.length);
            if (frame.problem() != EntryFraming.Problem.NONE) {
                throw new IOException("Journal batch " + path + " is corrupt at offset " + offset + " (" + frame.problem() + ")");
            }
            long txid = ByteBuffer.wrap(data, frame.payloadOffset(), frame.payloadLength()).getLong();
            if (txid > last) {
                if (txid != last + 1) {
                    throw new IOException("Journal batch " + path + " holds txid " + txid + " at offset " + offset
                            + ", expected " + (last + 1));
                }
                JournalRecord record;
                try {
                    record = (JournalRecord) codec.decode(data, frame.payloadOffset() + 8, frame.payloadLength() - 8);
                } catch (RuntimeException e) {
                    throw new IOException("Journal batch " + path + ": cannot decode txid " + txid + ": " + e.getMessage(), e);
                }
                consumer.accept(txid, record);
                last = txid;
            }
            offset = frame.end();
        }
        return last;
    }

    /** The node's bytes, or null when it does not exist. */
    byte[] read(String path) throws IOException {
        try {
            return client.getData().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (Exception e) {
            throw new IOException("Cannot read " + path + " from ZooKeeper: " + e.getMessage(), e);
        }
    }

    /** The first txids of the batches in ZooKeeper, ascending. */
    List<Long> firstTxids() throws IOException {
        List<String> names;
        try {
            names = client.getChildren().forPath(ZkPaths.JOURNAL);
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw new IOException("Cannot list " + ZkPaths.JOURNAL + " in ZooKeeper: " + e.getMessage(), e);
        }
        List<Long> firsts = new ArrayList<>(names.size());
        for (String name : names) {
            long first = ZkPaths.firstTxidOf(name);
            if (first > 0) {
                firsts.add(first);
            }
        }
        firsts.sort(null);
        return firsts;
    }
}
