package io.quarry.dfs.datanode.transfer;

/** The operation a transfer connection runs after its first op frame. Methods are called on the channel's event loop. */
interface TransferOperation {
    /** A frame after the op: a Packet (to release), PipelineAck or TransferOp. */
    void onMessage(Object message);

    /** The connection closed. */
    void onInactive();

    default void onWritable() {
    }
}
