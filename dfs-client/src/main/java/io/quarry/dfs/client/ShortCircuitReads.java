package io.quarry.dfs.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBufAllocator;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.LocalReadOp;
import io.quarry.dfs.protocol.transfer.LocalReadResponse;
import io.quarry.dfs.protocol.transfer.TransferStatus;

/**
 * Decides, per replica, whether a read can short-circuit the DataNode ({@code dfs.client.read.shortcircuit}):
 * the DataNode must run on this host, grant the read (finalized replicas only) and its files must
 * be readable by this process. A DataNode on another host, one that refuses, or files this user
 * cannot open turn short-circuit reads off for that DataNode for the rest of the client's life;
 * a replica still being written is read over the socket this once.
 */
final class ShortCircuitReads {
    private static final Logger LOG = LoggerFactory.getLogger(ShortCircuitReads.class);

    private final boolean enabled;
    private final ByteBufAllocator allocator;
    private final Map<String, Boolean> localHosts = new ConcurrentHashMap<>();
    /** Uuids of DataNodes whose replicas this client cannot read directly. */
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    ShortCircuitReads(boolean enabled, ByteBufAllocator allocator) {
        this.enabled = enabled;
        this.allocator = allocator;
    }

    /**
     * A local reader for [offset, offset + length) of the replica on {@code node}, or null when it
     * must be read over the socket. Throws when the DataNode cannot be reached or has no usable
     * replica, as a socket read would.
     */
    ReplicaReader open(DatanodeId node, Block block, long offset, long length, String clientName, long timeoutMillis)
            throws ReplicaReadException {
        if (!enabled || unavailable.contains(node.uuid()) || !isThisHost(node.host())) {
            return null;
        }
        LocalReadResponse response;
        try (BlockSocket socket = connect(node, timeoutMillis)) {
            socket.sendOp(allocator, new LocalReadOp(block, clientName));
            Object answer = socket.receiveOp();
            if (!(answer instanceof LocalReadResponse local)) {
                throw new IOException("answered " + answer);
            }
            response = local;
        } catch (IOException e) {
            LOG.debug("{}: no short-circuit read of {}: {}", node, block, e.getMessage());
            return null;
        }
        switch (response.status()) {
            case SUCCESS -> {
                return openFiles(node, block, response, offset, length);
            }
            case ERROR_UNSUPPORTED -> {
                turnOff(node, response.message());
                return null;
            }
            case ERROR_NOT_FOUND, ERROR_STALE_GENERATION, ERROR -> throw new ReplicaReadException(
                    node + ": " + response.status() + " " + response.message(), false, null);
            default -> {
                return null;
            }
        }
    }

    private static BlockSocket connect(DatanodeId node, long timeoutMillis) throws ReplicaReadException {
        try {
            return BlockSocket.connect(node.transferAddress(), timeoutMillis);
        } catch (IOException e) {
            throw new ReplicaReadException(node + ": " + e.getMessage(), false, e);
        }
    }

    private ReplicaReader openFiles(DatanodeId node, Block block, LocalReadResponse response, long offset, long length) {
        Path blockPath = Path.of(response.blockFile());
        try {
            return LocalBlockReader.open(allocator, node, block, blockPath, Path.of(response.metaFile()), response.replicaLength(),
                    offset, length);
        } catch (AccessDeniedException e) {
            turnOff(node, "cannot open " + e.getFile() + ": permission denied");
        } catch (NoSuchFileException e) {
            if (blockPath.getParent() == null || !Files.isDirectory(blockPath.getParent())) {
                turnOff(node, "its storage directory " + blockPath.getParent() + " is not visible here");
            } else {
                LOG.debug("{}: the replica of {} went away before a short-circuit read: {}", node, block, e.getMessage());
            }
        } catch (IOException e) {
            LOG.debug("{}: no short-circuit read of {}: {}", node, block, e.getMessage());
        }
        return null;
    }

    private void turnOff(DatanodeId node, String why) {
        if (unavailable.add(node.uuid())) {
            LOG.info("Reading from {} over the socket: no short-circuit reads ({})", node, why);
        }
    }

    private boolean isThisHost(String host) {
        return localHosts.computeIfAbsent(host, ShortCircuitReads::resolvesToThisHost);
    }

    private static boolean resolvesToThisHost(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot tell whether {} is this host: {}", host, e.getMessage());
        }
        return false;
    }
}
