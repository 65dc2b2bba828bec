package io.quarry.dfs.datanode.service;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.EventLoopGroup;
import io.quarry.dfs.datanode.transfer.TransferConnection;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.RecoverBlockCommand;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.ReplicaRecoveryOp;
import io.quarry.dfs.protocol.transfer.ReplicaRecoveryResponse;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.UpdateReplicaOp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Lease recovery as the primary DataNode: asks every replica holder for its verified length,
 * agrees on the minimum, has each holder truncate and finalize at the new generation stamp,
 * then commits the outcome to the NameNode.
 */
final class BlockRecoveryCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(BlockRecoveryCoordinator.class);

    private final String name;
    private final EventLoopGroup eventLoops;
    private final NameNodeCalls nameNode;
    private final Duration timeout;

    BlockRecoveryCoordinator(String name, EventLoopGroup eventLoops, NameNodeCalls nameNode, Duration timeout) {
        this.name = requireNonNull(name, "name is null");
        this.eventLoops = requireNonNull(eventLoops, "eventLoops is null");
        this.nameNode = requireNonNull(nameNode, "nameNode is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    private record Holder(DatanodeId node, ReplicaRecoveryResponse response) {
    }

    void recover(RecoverBlockCommand command) {
        List<Holder> holders = new ArrayList<>();
        int notFound = 0;
        for (DatanodeId node : command.replicas()) {
            try (TransferConnection connection = TransferConnection.open(eventLoops, node.transferAddress(), timeout)) {
                connection.sendOp(new ReplicaRecoveryOp(command.block(), command.newGenerationStamp()));
                ReplicaRecoveryResponse response = connection.receive(ReplicaRecoveryResponse.class, timeout);
                if (response.status() == TransferStatus.SUCCESS) {
                    holders.add(new Holder(node, response));
                } else if (response.status() == TransferStatus.ERROR_NOT_FOUND) {
                    notFound++;
                } else {
                    LOG.warn("{}: {} refused recovery of {}: {} {}", name, node, command.block(), response.status(), response.message());
                }
            } catch (IOException e) {
                LOG.warn("{}: {} did not answer recovery of {}: {}", name, node, command.block(), e.getMessage());
            }
        }
        try {
            if (holders.isEmpty()) {
                if (notFound == command.replicas().size()) {
                    LOG.info("{}: no replica of {} exists; asking the NameNode to drop the block", name, command.block());
                    nameNode.commitBlockSynchronization(new CommitBlockSynchronization(command.block(), command.newGenerationStamp(), 0,
                            true, true, List.of()));
                } else {
                    LOG.warn("{}: recovery of {} failed: no replica holder answered", name, command.block());
                }
                return;
            }
            long length = holders.stream().mapToLong(holder -> holder.response().numBytes()).min().orElseThrow();
            List<String> updated = new ArrayList<>();
            for (Holder holder : holders) {
                if (update(holder.node(), command, length)) {
                    updated.add(holder.node().uuid());
                }
            }
            if (updated.isEmpty()) {
                LOG.warn("{}: recovery of {} failed: no holder could be updated to {} bytes", name, command.block(), length);
                return;
            }
            nameNode.commitBlockSynchronization(new CommitBlockSynchronization(command.block(), command.newGenerationStamp(), length,
                    true, false, updated));
            LOG.info("{}: recovered {} at {} bytes, stamp {}, on {}", name, command.block(), length, command.newGenerationStamp(), updated);
        } catch (IOException e) {
            LOG.warn("{}: committing recovery of {} failed: {}", name, command.block(), e.getMessage());
        }
    }

    private boolean update(DatanodeId node, RecoverBlockCommand command, long length) {
        try (TransferConnection connection = TransferConnection.open(eventLoops, node.transferAddress(), timeout)) {
            connection.sendOp(new UpdateReplicaOp(command.block(), command.newGenerationStamp(), length));
            OpResponse response = connection.receive(OpResponse.class, timeout);
            if (response.status() != TransferStatus.SUCCESS) {
                LOG.warn("{}: {} refused to update {}: {} {}", name, node, command.block(), response.status(), response.message());
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("{}: {} did not answer the update of {}: {}", name, node, command.block(), e.getMessage());
            return false;
        }
    }
}
