package io.quarry.dfs.namenode.namespace;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A directory; children are kept sorted by name so listings page in name order. */
public final class INodeDirectory extends INode {
    private final NavigableMap<String, INode> children = new TreeMap<>();

    public INodeDirectory(long id, String name, String owner, String group, short permission, long modificationTime) {
        super(id, name, owner, group, permission, modificationTime);
    }

    @Override
    public boolean isDirectory() {
        return true;
    }

    public INode child(String name) {
        return children.get(name);
    }

    public NavigableMap<String, INode> children() {
        return java.util.Collections.unmodifiableNavigableMap(children);
    }

    public Collection<INode> childList() {
        return children.values();
    }

    public boolean isEmpty() {
        return children.isEmpty();
    }

    void addChild(INode child) {
        children.put(child.name(), child);
        child.setParent(this);
    }

    void removeChild(INode child) {
        children.remove(child.name());
        child.setParent(null);
    }
}
