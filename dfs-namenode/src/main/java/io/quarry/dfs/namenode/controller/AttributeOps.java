package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.journal.Records;
import io.quarry.dfs.namenode.namespace.Caller;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.namenode.namespace.PermissionChecker;
import io.quarry.dfs.protocol.client.SetOwner;
import io.quarry.dfs.protocol.client.SetPermission;
import io.quarry.dfs.protocol.client.SetReplication;

/** Changes to an existing inode's attributes: replication, mode bits, owner and group. */
public final class AttributeOps {
    private final MetadataState state;
    private final NamespaceOps namespace;

    public AttributeOps(MetadataState state, NamespaceOps namespace) {
        this.state = requireNonNull(state, "state is null");
        this.namespace = requireNonNull(namespace, "namespace is null");
    }

    private INode existing(Caller caller, String op, String path) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), op, path);
        state.safeMode().checkOff(op + " " + path);
        INode node = p.last();
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, op + " " + path + ": does not exist");
        }
        state.permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
        return node;
    }

    public ControllerResult<Object> setReplication(Caller caller, SetReplication request) throws QuarryException {
        INode node = existing(caller, "setReplication", request.path());
        namespace.checkReplication("setReplication " + request.path(), request.replication());
        if (!(node instanceof INodeFile file)) {
            return ControllerResult.of(null);
        }
        state.permissions().check(caller, file, PermissionChecker.WRITE);
        if (file.replication() == request.replication()) {
            return ControllerResult.of(null);
        }
        return ControllerResult.of(null, new Records.SetReplicationRecord(file.id(), request.replication()));
    }

    public ControllerResult<Object> setPermission(Caller caller, SetPermission request) throws QuarryException {
        INode node = existing(caller, "setPermission", request.path());
        state.permissions().checkOwner(caller, node);
        if ((request.permission() & ~01777) != 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "setPermission " + request.path() + ": mode "
                    + Integer.toOctalString(request.permission()) + " has bits outside 1777");
        }
        return ControllerResult.of(null, new Records.SetPermissionRecord(node.id(), request.permission()));
    }

    public ControllerResult<Object> setOwner(Caller caller, SetOwner request) throws QuarryException {
        INode node = existing(caller, "setOwner", request.path());
        if (request.owner() == null && request.group() == null) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "setOwner " + request.path() + ": neither owner nor group given");
        }
        state.permissions().checkOwner(caller, node);
        if (request.owner() != null && !request.owner().equals(node.owner())) {
            state.permissions().checkSuperuser(caller, "changing the owner of " + request.path());
        }
        if (request.group() != null && state.permissions().enabled() && !caller.superuser()
                && !caller.groups().contains(request.group())) {
            throw new QuarryException(ErrorCode.ACCESS_DENIED, "Permission denied: user=" + caller.user()
                    + " is not a member of group " + request.group() + " (setOwner " + request.path() + ")");
        }
        return ControllerResult.of(null, new Records.SetOwnerRecord(node.id(), request.owner(), request.group()));
    }
}
