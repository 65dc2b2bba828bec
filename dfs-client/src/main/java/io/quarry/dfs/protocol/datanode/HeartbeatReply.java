package io.quarry.dfs.protocol.datanode;

import java.util.List;

/**
 * Work for the DataNode, and whether it must register again (the NameNode does not know it, e.g.
 * after a restart). {@code epoch} is the HA term of the NameNode that sent the commands (0 without
 * HA): a DataNode drops commands of an epoch older than one it has seen, so a deposed active that
 * does not know it yet cannot have replicas deleted.
 */
public record HeartbeatReply(List<DatanodeCommand> commands, boolean reRegister, long epoch) {
    public HeartbeatReply {
        commands = List.copyOf(commands);
    }

    public HeartbeatReply(List<DatanodeCommand> commands, boolean reRegister) {
        this(commands, reRegister, 0);
    }
}
