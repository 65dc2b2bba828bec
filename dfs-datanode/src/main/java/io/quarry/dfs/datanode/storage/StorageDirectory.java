package io.quarry.dfs.datanode.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import io.quarry.dfs.Permissions;
import io.quarry.dfs.protocol.ReplicaState;

import static java.util.Objects.requireNonNull;

/**
 * One data directory: {@code current/VERSION} (DataNode uuid, cluster id), {@code current/rbw/}
 * for replicas being written and {@code current/finalized/subdirA/subdirB/} for finished ones,
 * hashed by block id so no directory grows huge.
 */
public final class StorageDirectory {
    private static final String UUID_KEY = "datanodeUuid";
    private static final String CLUSTER_KEY = "clusterId";
    private static final String LAYOUT_KEY = "layoutVersion";

    private final Path root;
    private final Path current;
    private final Path rbw;
    private final Path finalized;
    private final FileStore store;
    private final Properties version = new Properties();
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StorageDirectory(Path root, short permission) throws IOException {
        this.root = requireNonNull(root, "root is null");
        this.current = root.resolve("current");
        this.rbw = current.resolve("rbw");
        this.finalized = current.resolve("finalized");
        Files.createDirectories(rbw);
        Files.createDirectories(finalized);
        restrict(root, permission);
        this.store = Files.getFileStore(root);
        this.lockChannel = FileChannel.open(current.resolve("in_use.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IOException("Data directory " + root + " is in use by another DataNode");
        }
        this.lock = acquired;
        Path versionFile = current.resolve("VERSION");
        if (Files.exists(versionFile)) {
            try (InputStream in = Files.newInputStream(versionFile)) {
                version.load(in);
            }
        }
    }

    /** Opens the directory and sets its root to the mode bits {@code permission} (where the file system has them). */
    public static StorageDirectory open(Path root, short permission) throws IOException {
        return new StorageDirectory(root, permission);
    }

    /** The root's mode bits decide who may open replicas directly (short-circuit reads). */
    private static void restrict(Path root, short permission) throws IOException {
        if (!Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(Permissions.toSymbolic((short) (permission & 0777))));
    }

    /** Releases the directory's lock. */
    public void unlock() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }

    public Path root() {
        return root;
    }

    public Path rbwDir() {
        return rbw;
    }

    public Path finalizedDir() {
        return finalized;
    }

    public synchronized String datanodeUuid() {
        return version.getProperty(UUID_KEY);
    }

    public synchronized String clusterId() {
        return version.getProperty(CLUSTER_KEY);
    }

    public synchronized void writeVersion(String datanodeUuid, String clusterId) throws IOException {
        version.setProperty(UUID_KEY, datanodeUuid);
        if (clusterId != null) {
            version.setProperty(CLUSTER_KEY, clusterId);
        }
        version.setProperty(LAYOUT_KEY, "1");
        Path tmp = current.resolve("VERSION.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            version.store(out, "QFS DataNode storage");
        }
        Files.move(tmp, current.resolve("VERSION"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The directory holding a replica in the given state. */
    public Path dirFor(ReplicaState state, long blockId) {
        if (state == ReplicaState.RBW) {
            return rbw;
        }
        return finalized.resolve("subdir" + ((blockId >> 16) & 0x1F)).resolve("subdir" + ((blockId >> 8) & 0x1F));
    }

    public long capacity() {
        try {
            return store.getTotalSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    public long available() {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
