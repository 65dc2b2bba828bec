package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;

import org.apache.commons.cli.CommandLine;

/** {@code -chown [-R] [OWNER][:[GROUP]] <path> ...} and {@code -chgrp [-R] GROUP <path> ...}. */
final class OwnerOp implements ShellOp {
    private final boolean groupOnly;

    private OwnerOp(boolean groupOnly) {
        this.groupOnly = groupOnly;
    }

    static OwnerOp chown() {
        return new OwnerOp(false);
    }

    static OwnerOp chgrp() {
        return new OwnerOp(true);
    }

    @Override
    public List<String> names() {
        return List.of(groupOnly ? "-chgrp" : "-chown");
    }

    @Override
    public String usage() {
        return groupOnly ? "-chgrp [-R] GROUP <path> ..." : "-chown [-R] [OWNER][:[GROUP]] <path> ...";
    }

    @Override
    public String description() {
        return groupOnly
                ? "Change the group of files and directories (the owner or a superuser). -R recursively."
                : "Change the owner (superuser only) and/or group of files and directories. -R recursively.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("R"), args);
        List<String> rest = line.getArgList();
        ShellArgs.requireAtLeast(rest, 2, (groupOnly ? "GROUP" : "OWNER[:GROUP]") + " <path> ...");
        String spec = rest.get(0);
        String owner;
        String group;
        if (groupOnly) {
            owner = null;
            group = spec;
        } else {
            int colon = spec.indexOf(':');
            owner = colon < 0 ? spec : spec.substring(0, colon);
            group = colon < 0 ? null : spec.substring(colon + 1);
        }
        owner = owner == null || owner.isEmpty() ? null : owner;
        group = group == null || group.isEmpty() ? null : group;
        if (owner == null && group == null) {
            throw new UsageException("'" + spec + "' names neither an owner nor a group");
        }
        if ((owner != null && !owner.matches("[^\\s:/]+")) || (group != null && !group.matches("[^\\s:/]+"))) {
            throw new UsageException("'" + spec + "' is not a valid owner or group");
        }
        String newOwner = owner;
        String newGroup = group;
        boolean recursive = line.hasOption("R");
        shell.forEach(rest.subList(1, rest.size()), item -> apply(shell, item, newOwner, newGroup, recursive));
        return ShellArgs.exitCode(shell);
    }

    private static void apply(Shell shell, PathItem item, String owner, String group, boolean recursive) throws IOException {
        item.fs().setOwner(item.path(), owner, group);
        if (recursive && item.isDirectory()) {
            for (FileStatus child : item.fs().listStatus(item.path())) {
                PathItem childItem = item.child(child);
                try {
                    apply(shell, childItem, owner, group, true);
                } catch (IOException e) {
                    shell.error(e, childItem.display());
                }
            }
        }
    }
}
