package io.quarry.dfs.datanode.transfer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.quarry.dfs.datanode.storage.Replica;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.transfer.LocalReadOp;
import io.quarry.dfs.protocol.transfer.LocalReadResponse;
import io.quarry.dfs.protocol.transfer.TransferStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Grants short-circuit reads: tells a client on this host the paths of a finalized replica's
 * files. Only finalized replicas qualify, as their files no longer change or move; the client
 * verifies every checksum itself. The operating system's file permissions decide whether the
 * client may open the files: a client running as another user is refused there and reads over
 * the socket instead.
 */
final class LocalReadService {
    private static final Logger LOG = LoggerFactory.getLogger(LocalReadService.class);

    private final TransferContext context;

    LocalReadService(TransferContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    LocalReadResponse answer(LocalReadOp op, SocketAddress peer, SocketAddress local) {
        if (!sameHost(peer, local)) {
            return LocalReadResponse.refused(TransferStatus.ERROR_UNSUPPORTED,
                    "Short-circuit reads are for clients on this DataNode's host; " + peer + " is not");
        }
        Replica replica = context.dataset().get(op.block().blockId());
        if (replica == null) {
            return LocalReadResponse.refused(TransferStatus.ERROR_NOT_FOUND, "Replica of " + op.block() + " not found on this DataNode");
        }
        if (replica.isCorrupt()) {
            return LocalReadResponse.refused(TransferStatus.ERROR, "Replica " + replica + " is corrupt on this DataNode");
        }
        if (replica.generationStamp() < op.block().generationStamp()) {
            return LocalReadResponse.refused(TransferStatus.ERROR_STALE_GENERATION,
                    "Replica " + replica + " is older than the requested " + op.block());
        }
        LocalReadResponse granted;
        synchronized (replica) {
            if (replica.state() != ReplicaState.FINALIZED) {
                return LocalReadResponse.refused(TransferStatus.ERROR_INVALID, "Replica " + replica + " is not finalized");
            }
            granted = new LocalReadResponse(TransferStatus.SUCCESS, "", replica.blockFile().toAbsolutePath().toString(),
                    replica.metaFile().toAbsolutePath().toString(), replica.bytesOnDisk());
        }
        context.metrics().localReadsGranted.inc();
        LOG.debug("{}: short-circuit read of {} granted to {} ({})", context.name(), op.block(), op.clientName(), peer);
        return granted;
    }

    /** Whether the peer connected from one of this host's addresses. */
    static boolean sameHost(SocketAddress peer, SocketAddress local) {
        if (!(peer instanceof InetSocketAddress remote) || !(local instanceof InetSocketAddress own)) {
            return false;
        }
        InetAddress address = remote.getAddress();
        return address != null && (address.isLoopbackAddress() || address.equals(own.getAddress()));
    }
}
