package io.quarry.dfs.protocol.datanode;

import java.util.List;

import io.quarry.dfs.protocol.Block;

/** Delete these replicas (deleted files, excess or corrupt replicas); reported back as DELETED. */
public record DeleteBlocksCommand(List<Block> blocks) implements DatanodeCommand {
    public DeleteBlocksCommand {
        blocks = List.copyOf(blocks);
    }
}
