package io.quarry.dfs.datanode.transfer;

import io.quarry.dfs.datanode.storage.Replica;
import io.quarry.dfs.datanode.storage.ReplicaException;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.ReplicaRecoveryOp;
import io.quarry.dfs.protocol.transfer.ReplicaRecoveryResponse;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.UpdateReplicaOp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** The replica holder's side of lease recovery; runs on the disk executor. */
final class ReplicaRecoveryService {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRecoveryService.class);

    private final TransferContext context;

    ReplicaRecoveryService(TransferContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    ReplicaRecoveryResponse recover(ReplicaRecoveryOp op, String peer) {
        try {
            Replica replica = context.dataset().initReplicaRecovery(op.block());
            LOG.info("{}: recovery of {} (new stamp {}) requested by {}: {}", context.name(), op.block(), op.newGenerationStamp(), peer, replica);
            return new ReplicaRecoveryResponse(TransferStatus.SUCCESS, "", replica.bytesOnDisk(), replica.state());
        } catch (ReplicaException e) {
            return new ReplicaRecoveryResponse(e.status(), e.getMessage(), 0, ReplicaState.RBW);
        } catch (Exception e) {
            LOG.warn("{}: recovery of {} failed", context.name(), op.block(), e);
            return new ReplicaRecoveryResponse(TransferStatus.ERROR, "Recovery of " + op.block() + " failed: " + e.getMessage(), 0,
                    ReplicaState.RBW);
        }
    }

    OpResponse update(UpdateReplicaOp op, String peer) {
        try {
            Replica replica = context.dataset().updateReplica(op.block(), op.newGenerationStamp(), op.newLength());
            LOG.info("{}: {} finalized by recovery from {} at {} bytes", context.name(), replica, peer, op.newLength());
            context.events().received(replica.toBlock());
            return OpResponse.success();
        } catch (ReplicaException e) {
            return new OpResponse(e.status(), e.getMessage(), "");
        } catch (Exception e) {
            LOG.warn("{}: update of {} failed", context.name(), op.block(), e);
            return new OpResponse(TransferStatus.ERROR, "Update of " + op.block() + " failed: " + e.getMessage(), "");
        }
    }
}
