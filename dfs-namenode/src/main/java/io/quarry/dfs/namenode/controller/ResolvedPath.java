package io.quarry.dfs.namenode.controller;

import java.util.List;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.namespace.FsDirectory;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.PathNames;

/** A validated wire path and the inodes along it (index 0 the root; null from the first missing component). */
record ResolvedPath(String op, String path, List<String> components, INode[] inodes) {

    static ResolvedPath of(FsDirectory directory, String op, String path) throws QuarryException {
        List<String> components = PathNames.components(op, path);
        return new ResolvedPath(op, path, components, directory.resolve(components));
    }

    boolean isRoot() {
        return components.isEmpty();
    }

    /** The inode at the path, or null. */
    INode last() {
        return inodes[inodes.length - 1];
    }

    /** Index of the deepest existing inode. */
    int deepestExisting() {
        int i = 0;
        while (i + 1 < inodes.length && inodes[i + 1] != null) {
            i++;
        }
        return i;
    }

    /** Path of the prefix with {@code count} components. */
    String prefix(int count) {
        if (count == 0) {
            return "/";
        }
        return "/" + String.join("/", components.subList(0, count));
    }

    /** Fails with PARENT_NOT_DIRECTORY when an existing ancestor is a file. */
    void checkAncestorsAreDirectories() throws QuarryException {
        int deepest = deepestExisting();
        for (int i = 1; i <= deepest && i < inodes.length - 1; i++) {
            if (!inodes[i].isDirectory()) {
                throw new QuarryException(ErrorCode.PARENT_NOT_DIRECTORY, op + " " + path + ": " + prefix(i) + " is a file");
            }
        }
    }
}
