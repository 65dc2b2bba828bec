package io.quarry.dfs.namenode.journal;

import java.io.IOException;
import java.util.List;

/** Where checkpoint images are kept: files in the name directory, or ZooKeeper for HA. */
public interface ImageStore {
    void write(Records.CheckpointHeader header, List<Records.InodeImage> inodes) throws IOException;

    /** The newest image that reads back whole, or null when there is none. */
    CheckpointStore.Image loadNewest() throws IOException;

    /** Keeps the newest {@code retained} images; returns the txid of the oldest one kept, or -1. */
    long pruneKeeping(int retained) throws IOException;
}
