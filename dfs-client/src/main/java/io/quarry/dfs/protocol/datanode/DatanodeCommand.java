package io.quarry.dfs.protocol.datanode;

/** Work the NameNode hands a DataNode in a heartbeat reply. */
public sealed interface DatanodeCommand permits TransferBlockCommand, DeleteBlocksCommand, RecoverBlockCommand {
}
