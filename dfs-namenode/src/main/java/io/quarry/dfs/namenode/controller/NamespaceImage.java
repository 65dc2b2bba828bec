package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.quarry.dfs.namenode.journal.NameDirectory;
import io.quarry.dfs.namenode.journal.Records;
import io.quarry.dfs.namenode.namespace.FsDirectory;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeDirectory;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.protocol.Block;

/** Converts the namespace to checkpoint records (parents first) and back. */
public final class NamespaceImage {
    private final MetadataState state;

    public NamespaceImage(MetadataState state) {
        this.state = requireNonNull(state, "state is null");
    }

    /** A snapshot of the namespace; runs on the controller thread and copies only immutable values. */
    public List<Records.InodeImage> snapshot() {
        FsDirectory dir = state.directory();
        List<Records.InodeImage> out = new ArrayList<>((int) (dir.fileCount() + dir.directoryCount()));
        Deque<INode> todo = new ArrayDeque<>();
        todo.add(dir.root());
        while (!todo.isEmpty()) {
            INode node = todo.poll();
            out.add(image(node));
            if (node instanceof INodeDirectory d) {
                todo.addAll(d.childList());
            }
        }
        return out;
    }

    public Records.CheckpointHeader header(long lastTxid, long inodeCount) {
        FsDirectory dir = state.directory();
        return new Records.CheckpointHeader(NameDirectory.LAYOUT_VERSION, state.clusterId(), lastTxid, inodeCount,
                dir.lastInodeId(), dir.lastBlockId(), dir.lastGenerationStamp());
    }

    private static Records.InodeImage image(INode node) {
        long parentId = node.parent() == null ? 0 : node.parent().id();
        if (node instanceof INodeFile file) {
            List<Block> blocks = file.blocks();
            long[] triples = new long[blocks.size() * 3];
            for (int i = 0; i < blocks.size(); i++) {
                triples[3 * i] = blocks.get(i).blockId();
                triples[3 * i + 1] = blocks.get(i).generationStamp();
                triples[3 * i + 2] = blocks.get(i).numBytes();
            }
            return new Records.InodeImage(file.id(), parentId, file.name(), false, file.owner(), file.group(), file.permission(),
                    file.modificationTime(), file.accessTime(), file.replication(), file.blockSize(), file.clientName(),
                    file.clientMachine(), triples);
        }
        return new Records.InodeImage(node.id(), parentId, node.name(), true, node.owner(), node.group(), node.permission(),
                node.modificationTime(), node.accessTime(), (short) 0, 0, null, null, new long[0]);
    }

    /** Rebuilds the state from a loaded checkpoint (into a fresh state). */
    public void load(Records.CheckpointHeader header, List<Records.InodeImage> inodes) {
        FsDirectory dir = state.directory();
        for (Records.InodeImage image : inodes) {
            if (image.id() == FsDirectory.ROOT_ID) {
                INodeDirectory root = dir.root();
                root.setOwner(image.owner());
                root.setGroup(image.group());
                root.setPermission(image.permission());
                root.setModificationTime(image.mtime());
                continue;
            }
            if (image.directory()) {
                dir.addLoaded(image.parentId(), new INodeDirectory(image.id(), image.name(), image.owner(), image.group(),
                        image.permission(), image.mtime()));
                continue;
            }
            INodeFile file = new INodeFile(image.id(), image.name(), image.owner(), image.group(), image.permission(),
                    image.mtime(), image.replication(), image.blockSize(), image.clientName(), image.clientMachine());
            file.setAccessTime(image.atime());
            dir.addLoaded(image.parentId(), file);
            long[] triples = image.blockTriples();
            for (int i = 0; i < triples.length; i += 3) {
                Block block = new Block(triples[i], triples[i + 1], triples[i + 2]);
                file.addBlock(block);
                state.blocks().add(file, block);
                boolean last = i == triples.length - 3;
                if (!last || !file.isUnderConstruction()) {
                    state.blocks().complete(block.blockId());
                }
            }
            if (file.isUnderConstruction()) {
                state.leases().add(file.clientName(), file.id());
            }
        }
        dir.noteInodeId(header.lastInodeId());
        dir.noteBlock(header.lastBlockId(), header.lastGenerationStamp());
    }
}
