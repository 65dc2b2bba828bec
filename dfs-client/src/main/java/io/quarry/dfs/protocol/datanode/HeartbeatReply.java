package io.quarry.dfs.protocol.datanode;

import java.util.List;

/** Work for the DataNode, and whether it must register again (the NameNode does not know it, e.g. after a restart). */
public record HeartbeatReply(List<DatanodeCommand> commands, boolean reRegister) {
    public HeartbeatReply {
        commands = List.copyOf(commands);
    }
}
