package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.namenode.fsck.FsckRunner;

/** Every operation family of the NameNode, for the RPC router. */
public record Operations(MetadataState state, NamespaceOps namespace, AttributeOps attributes, ReadOps reads, BlockOps blocks,
                         LeaseOps leases, DatanodeOps datanodes, AdminOps admin, FsckRunner fsck) {
    public Operations {
        requireNonNull(state, "state is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(attributes, "attributes is null");
        requireNonNull(reads, "reads is null");
        requireNonNull(blocks, "blocks is null");
        requireNonNull(leases, "leases is null");
        requireNonNull(datanodes, "datanodes is null");
        requireNonNull(admin, "admin is null");
        requireNonNull(fsck, "fsck is null");
    }

    public static Operations create(MetadataState state, java.util.Random random) {
        return create(state, random, ServiceRole.active());
    }

    public static Operations create(MetadataState state, java.util.Random random, ServiceRole role) {
        NamespaceOps namespace = new NamespaceOps(state);
        ReadOps reads = new ReadOps(state, random);
        return new Operations(state, namespace, new AttributeOps(state, namespace), reads, new BlockOps(state, reads),
                new LeaseOps(state), new DatanodeOps(state, role), new AdminOps(state),
                new FsckRunner(state.directory(), state.blocks(), state.datanodes(), state.config().defaultReplication()));
    }
}
