package io.quarry.dfs.namenode.namespace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.quarry.dfs.protocol.Block;

/** A file: its blocks in order, target replication, block size and, while open, the lease holder. */
public final class INodeFile extends INode {
    private final List<Block> blocks = new ArrayList<>();
    private short replication;
    private final long blockSize;
    private String clientName;
    private String clientMachine;

    public INodeFile(long id, String name, String owner, String group, short permission, long modificationTime,
                     short replication, long blockSize, String clientName, String clientMachine) {
        super(id, name, owner, group, permission, modificationTime);
        this.replication = replication;
        this.blockSize = blockSize;
        this.clientName = clientName;
        this.clientMachine = clientMachine;
    }

    @Override
    public boolean isDirectory() {
        return false;
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public Block lastBlock() {
        return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    }

    public int blockIndex(long blockId) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i).blockId() == blockId) {
                return i;
            }
        }
        return -1;
    }

    public void addBlock(Block block) {
        blocks.add(block);
    }

    public void setBlock(int index, Block block) {
        blocks.set(index, block);
    }

    public void removeBlock(int index) {
        blocks.remove(index);
    }

    public long length() {
        long total = 0;
        for (Block block : blocks) {
            total += block.numBytes();
        }
        return total;
    }

    public short replication() {
        return replication;
    }

    public void setReplication(short replication) {
        this.replication = replication;
    }

    public long blockSize() {
        return blockSize;
    }

    public boolean isUnderConstruction() {
        return clientName != null;
    }

    /** The lease holder while the file is open for writing, else null. */
    public String clientName() {
        return clientName;
    }

    public String clientMachine() {
        return clientMachine;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    public void close() {
        this.clientName = null;
        this.clientMachine = null;
    }
}
