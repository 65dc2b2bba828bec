package io.quarry.dfs.namenode.rpc;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.quarry.dfs.namenode.namespace.Caller;
import io.quarry.dfs.namenode.namespace.GroupResolver;

/** Turns the user of a call into a {@link Caller}: groups, and superuser if it started the NameNode or is in the superuser group. */
public final class CallerResolver {
    private final GroupResolver groups;
    private final String superuser;
    private final String superuserGroup;

    public CallerResolver(GroupResolver groups, String superuser, String superuserGroup) {
        this.groups = requireNonNull(groups, "groups is null");
        this.superuser = requireNonNull(superuser, "superuser is null");
        this.superuserGroup = superuserGroup;
    }

    /** True when {@link #resolve} answers without a blocking lookup. */
    public boolean isResolved(String user) {
        return groups.isResolved(user == null || user.isBlank() ? "nobody" : user);
    }

    public Caller resolve(String user) {
        String name = user == null || user.isBlank() ? "nobody" : user;
        List<String> memberOf = groups.groups(name);
        boolean isSuper = name.equals(superuser) || superuserGroup != null && memberOf.contains(superuserGroup);
        return new Caller(name, memberOf, isSuper);
    }
}
