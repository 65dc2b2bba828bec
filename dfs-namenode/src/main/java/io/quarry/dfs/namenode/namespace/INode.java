package io.quarry.dfs.namenode.namespace;

import static java.util.Objects.requireNonNull;

/** A file or directory in the namespace tree. Mutated only on the controller thread. */
public abstract class INode {
    private final long id;
    private String name;
    private INodeDirectory parent;
    private String owner;
    private String group;
    private short permission;
    private long modificationTime;
    private long accessTime;

    protected INode(long id, String name, String owner, String group, short permission, long modificationTime) {
        this.id = id;
        this.name = requireNonNull(name, "name is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.group = requireNonNull(group, "group is null");
        this.permission = permission;
        this.modificationTime = modificationTime;
        this.accessTime = modificationTime;
    }

    public abstract boolean isDirectory();

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public INodeDirectory parent() {
        return parent;
    }

    void setParent(INodeDirectory parent) {
        this.parent = parent;
    }

    public String owner() {
        return owner;
    }

    public String group() {
        return group;
    }

    public short permission() {
        return permission;
    }

    public long modificationTime() {
        return modificationTime;
    }

    public long accessTime() {
        return accessTime;
    }

    public void setOwner(String owner) {
        this.owner = requireNonNull(owner, "owner is null");
    }

    public void setGroup(String group) {
        this.group = requireNonNull(group, "group is null");
    }

    public void setPermission(short permission) {
        this.permission = permission;
    }

    public void setModificationTime(long time) {
        this.modificationTime = time;
    }

    public void setAccessTime(long time) {
        this.accessTime = time;
    }

    /** The absolute path, built by walking up to the root. */
    public String fullPath() {
        if (parent == null) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        prepend(this, out);
        return out.toString();
    }

    private static void prepend(INode node, StringBuilder out) {
        if (node.parent == null) {
            return;
        }
        prepend(node.parent, out);
        out.append('/').append(node.name);
    }
}
