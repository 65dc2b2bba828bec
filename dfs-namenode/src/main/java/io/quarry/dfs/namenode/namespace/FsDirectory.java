package io.quarry.dfs.namenode.namespace;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarry.dfs.protocol.FileStatusInfo;

/**
 * The namespace tree and the id → inode index. Lookups serve validation; the mutators are called
 * only by the record applier (live and at replay), after validation. Controller thread only.
 */
public final class FsDirectory {
    public static final long ROOT_ID = 1;
    public static final long FIRST_BLOCK_ID = 1L << 30;
    public static final long FIRST_GENERATION_STAMP = 1000;

    private final INodeDirectory root;
    private final Map<Long, INode> byId = new HashMap<>();
    private long lastInodeId = ROOT_ID;
    private long lastBlockId = FIRST_BLOCK_ID;
    private long lastGenerationStamp = FIRST_GENERATION_STAMP;
    private long files;
    private long directories = 1;

    public FsDirectory(String rootOwner, String rootGroup, long now) {
        this.root = new INodeDirectory(ROOT_ID, "", requireNonNull(rootOwner, "rootOwner is null"),
                requireNonNull(rootGroup, "rootGroup is null"), (short) 0755, now);
        byId.put(ROOT_ID, root);
    }

    public INodeDirectory root() {
        return root;
    }

    public INode byId(long id) {
        return byId.get(id);
    }

    /** The inode at the path, or null. */
    public INode lookup(List<String> components) {
        INode node = root;
        for (String name : components) {
            if (!(node instanceof INodeDirectory dir)) {
                return null;
            }
            node = dir.child(name);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The inodes along the path: index 0 is the root, then one per component; null from the first missing one. */
    public INode[] resolve(List<String> components) {
        INode[] out = new INode[components.size() + 1];
        out[0] = root;
        INode node = root;
        for (int i = 0; i < components.size(); i++) {
            if (!(node instanceof INodeDirectory dir)) {
                break;
            }
            node = dir.child(components.get(i));
            if (node == null) {
                break;
            }
            out[i + 1] = node;
        }
        return out;
    }

    public long nextInodeId() {
        return lastInodeId + 1;
    }

    public long nextBlockId() {
        return lastBlockId + 1;
    }

    public long nextGenerationStamp() {
        return lastGenerationStamp + 1;
    }

    public long lastInodeId() {
        return lastInodeId;
    }

    public long lastBlockId() {
        return lastBlockId;
    }

    public long lastGenerationStamp() {
        return lastGenerationStamp;
    }

    public void noteInodeId(long id) {
        lastInodeId = Math.max(lastInodeId, id);
    }

    public void noteBlock(long blockId, long generationStamp) {
        lastBlockId = Math.max(lastBlockId, blockId);
        noteGenerationStamp(generationStamp);
    }

    public void noteGenerationStamp(long generationStamp) {
        lastGenerationStamp = Math.max(lastGenerationStamp, generationStamp);
    }

    public long fileCount() {
        return files;
    }

    public long directoryCount() {
        return directories;
    }

    // ---- mutators (record applier only) ----

    /** Adds a new inode under the directory at {@code parentPath}. */
    public void add(String parentPath, INode node) {
        INode parent = lookupPath(parentPath);
        if (!(parent instanceof INodeDirectory dir)) {
            throw new IllegalStateException("Cannot add " + node.name() + ": " + parentPath + " is not a directory");
        }
        if (dir.child(node.name()) != null) {
            throw new IllegalStateException("Cannot add " + node.name() + ": it already exists in " + parentPath);
        }
        dir.addChild(node);
        dir.setModificationTime(Math.max(dir.modificationTime(), node.modificationTime()));
        byId.put(node.id(), node);
        lastInodeId = Math.max(lastInodeId, node.id());
        if (node.isDirectory()) {
            directories++;
        } else {
            files++;
        }
    }

    /** Adds an inode read from a checkpoint under its parent (by id). */
    public void addLoaded(long parentId, INode node) {
        INode parent = byId.get(parentId);
        if (!(parent instanceof INodeDirectory dir)) {
            throw new IllegalStateException("Checkpoint inode " + node.id() + " names parent " + parentId + ", not a directory");
        }
        long mtime = dir.modificationTime();
        add(dir.fullPath(), node);
        dir.setModificationTime(mtime);
    }

    /** Removes the subtree at the path; returns every file removed. */
    public List<INodeFile> remove(String path, long mtime) {
        INode node = lookupPath(path);
        if (node == null || node == root) {
            throw new IllegalStateException("Cannot remove " + path);
        }
        INodeDirectory parent = node.parent();
        parent.removeChild(node);
        parent.setModificationTime(mtime);
        List<INodeFile> removed = new ArrayList<>();
        forget(node, removed);
        return removed;
    }

    private void forget(INode node, List<INodeFile> removed) {
        byId.remove(node.id());
        if (node instanceof INodeDirectory dir) {
            directories--;
            for (INode child : dir.childList()) {
                forget(child, removed);
            }
        } else {
            files--;
            removed.add((INodeFile) node);
        }
    }

    /** Moves the inode at {@code src} to exactly {@code dst} (whose parent exists). */
    public void move(String src, String dst, long mtime) {
        INode node = lookupPath(src);
        INode dstParent = lookupPath(PathNames.parent(dst));
        if (node == null || !(dstParent instanceof INodeDirectory newParent)) {
            throw new IllegalStateException("Cannot rename " + src + " to " + dst);
        }
        INodeDirectory oldParent = node.parent();
        oldParent.removeChild(node);
        oldParent.setModificationTime(mtime);
        node.setName(PathNames.name(dst));
        newParent.addChild(node);
        newParent.setModificationTime(mtime);
    }

    public INode lookupPath(String path) {
        List<String> parts = new ArrayList<>();
        if (!path.equals("/")) {
            for (String part : path.substring(1).split("/")) {
                parts.add(part);
            }
        }
        return lookup(parts);
    }

    public FileStatusInfo status(INode node, String path) {
        if (node instanceof INodeFile file) {
            return new FileStatusInfo(path, file.id(), false, file.length(), file.replication(), file.blockSize(),
                    file.modificationTime(), file.accessTime(), file.owner(), file.group(), file.permission());
        }
        return new FileStatusInfo(path, node.id(), true, 0, (short) 0, 0, node.modificationTime(), node.accessTime(),
                node.owner(), node.group(), node.permission());
    }
}
