package io.quarry.dfs.datanode.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The DataNode's identity on disk: every data directory carries the same DataNode uuid (kept
 * across restarts) and, once registered, the cluster id; another cluster's NameNode is refused.
 */
public final class DataStorage {
    private final List<StorageDirectory> directories;
    private final String datanodeUuid;

    private DataStorage(List<StorageDirectory> directories, String datanodeUuid) {
        this.directories = List.copyOf(directories);
        this.datanodeUuid = datanodeUuid;
    }

    /** Opens (creating as needed) each directory and sets it to the mode bits {@code permission}. */
    public static DataStorage open(List<Path> roots, short permission) throws IOException {
        List<StorageDirectory> directories = new ArrayList<>();
        try {
            for (Path root : roots) {
                directories.add(StorageDirectory.open(root, permission));
            }
            return new DataStorage(directories, identify(directories));
        } catch (IOException | RuntimeException e) {
            directories.forEach(StorageDirectory::unlock);
            throw e;
        }
    }

    private static String identify(List<StorageDirectory> directories) throws IOException {
        String uuid = null;
        for (StorageDirectory directory : directories) {
            Path root = directory.root();
            String found = directory.datanodeUuid();
            if (found != null) {
                if (uuid != null && !uuid.equals(found)) {
                    throw new IOException("Data directory " + root + " belongs to DataNode " + found + ", but another directory of this "
                            + "DataNode belongs to " + uuid);
                }
                uuid = found;
            }
        }
        if (uuid == null) {
            uuid = UUID.randomUUID().toString();
        }
        String clusterId = null;
        for (StorageDirectory directory : directories) {
            if (directory.clusterId() != null) {
                clusterId = directory.clusterId();
            }
        }
        for (StorageDirectory directory : directories) {
            if (directory.datanodeUuid() == null) {
                directory.writeVersion(uuid, clusterId);
            }
        }
        return uuid;
    }

    /** Releases every directory's lock. */
    public void close() {
        directories.forEach(StorageDirectory::unlock);
    }

    public List<StorageDirectory> directories() {
        return directories;
    }

    public String datanodeUuid() {
        return datanodeUuid;
    }

    /** Records the cluster id on first registration; throws if the storage belongs to another cluster. */
    public synchronized void acceptClusterId(String clusterId) throws IOException {
        for (StorageDirectory directory : directories) {
            String recorded = directory.clusterId();
            if (recorded != null && !recorded.equals(clusterId)) {
                throw new IOException("Data directory " + directory.root() + " belongs to cluster " + recorded
                        + " but the NameNode serves cluster " + clusterId);
            }
        }
        for (StorageDirectory directory : directories) {
            if (directory.clusterId() == null) {
                directory.writeVersion(datanodeUuid, clusterId);
            }
        }
    }
}
