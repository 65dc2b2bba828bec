package io.quarry.dfs.namenode.ha;

/**
 * Where the NameNodes keep their shared state, under the cluster's ZooKeeper namespace
 * ({@code /quarry/<cluster id>}): the leader latch, epoch and active address of role
 * {@value #ROLE} (see {@code io.quarry.common.ha}), the QFS cluster id, the journal's batches and
 * the checkpoint images.
 */
final class ZkPaths {
    static final String ROLE = "namenode";
    static final String CLUSTER_ID = "/" + ROLE + "/cluster-id";
    static final String JOURNAL = "/" + ROLE + "/journal";
    static final String IMAGES = "/" + ROLE + "/images";
    private static final String BATCH_PREFIX = "b-";

    private ZkPaths() {
    }

    /** The batch whose first entry is {@code firstTxid}; the zero-padded number sorts by name. */
    static String batch(long firstTxid) {
        return JOURNAL + "/" + batchName(firstTxid);
    }

    static String batchName(long firstTxid) {
        return BATCH_PREFIX + String.format("%019d", firstTxid);
    }

    /** The first txid of a batch node name, or -1 when the name is not a batch's. */
    static long firstTxidOf(String name) {
        if (!name.startsWith(BATCH_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(BATCH_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String image(long txid) {
        return IMAGES + "/" + imageName(txid);
    }

    static String imageName(long txid) {
        return String.format("i-%019d", txid);
    }

    static long txidOfImage(String name) {
        if (!name.startsWith("i-")) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String imagePart(long txid, int part) {
        return image(txid) + "/" + String.format("p-%05d", part);
    }
}
