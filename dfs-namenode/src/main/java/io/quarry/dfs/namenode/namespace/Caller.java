package io.quarry.dfs.namenode.namespace;

import java.util.List;

/** Who makes a request: the user, their groups, and whether they are a superuser. */
public record Caller(String user, List<String> groups, boolean superuser) {
    public Caller {
        groups = List.copyOf(groups);
    }
}
