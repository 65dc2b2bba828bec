package io.quarry.dfs.datanode.service;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

import io.quarry.dfs.datanode.metrics.DataNodeMetrics;
import io.quarry.dfs.datanode.storage.Dataset;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;
import io.quarry.dfs.protocol.datanode.DeleteBlocksCommand;
import io.quarry.dfs.protocol.datanode.RecoverBlockCommand;
import io.quarry.dfs.protocol.datanode.TransferBlockCommand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** Runs the commands of heartbeat replies on the DataNode's disk executor. */
public final class CommandExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

    private final String name;
    private final Dataset dataset;
    private final Executor executor;
    private final NameNodeServices nameNode;
    private final BlockTransferrer transferrer;
    private final BlockRecoveryCoordinator recovery;
    private final DataNodeMetrics metrics;

    public CommandExecutor(String name, Dataset dataset, Executor executor, NameNodeServices nameNode, io.netty.channel.EventLoopGroup eventLoops,
                           DataNodeMetrics metrics, java.time.Duration timeout) {
        this.name = requireNonNull(name, "name is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.nameNode = requireNonNull(nameNode, "nameNode is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.transferrer = new BlockTransferrer(name, dataset, eventLoops, nameNode, metrics, timeout);
        this.recovery = new BlockRecoveryCoordinator(name, eventLoops, nameNode, timeout);
    }

    public void execute(List<DatanodeCommand> commands) {
        for (DatanodeCommand command : commands) {
            LOG.debug("{}: executing {}", name, command);
            if (command instanceof DeleteBlocksCommand delete) {
                for (Block block : delete.blocks()) {
                    executor.execute(() -> delete(block));
                }
            } else if (command instanceof TransferBlockCommand transfer) {
                executor.execute(() -> transferrer.transfer(transfer.block(), transfer.targets()));
            } else if (command instanceof RecoverBlockCommand recover) {
                executor.execute(() -> recovery.recover(recover));
            }
        }
    }

    private void delete(Block block) {
        try {
            Block deleted = dataset.delete(block);
            if (deleted != null) {
                metrics.blocksDeleted.inc();
                nameNode.deleted(deleted);
                LOG.debug("{}: deleted {}", name, deleted);
            } else {
                LOG.info("{}: asked to delete {}, which is not here", name, block);
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot delete {}: {}", name, block, e.getMessage());
        }
    }
}
