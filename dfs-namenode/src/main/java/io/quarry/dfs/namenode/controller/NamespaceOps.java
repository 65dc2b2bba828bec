package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.journal.JournalRecord;
import io.quarry.dfs.namenode.journal.Records;
import io.quarry.dfs.namenode.namespace.Caller;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeDirectory;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.namenode.namespace.PathNames;
import io.quarry.dfs.namenode.namespace.PermissionChecker;
import io.quarry.dfs.protocol.FileStatusInfo;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.DeleteReply;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.Rename;

/** Namespace mutations that create, move and remove paths. Each validates and returns records; nothing changes here. */
public final class NamespaceOps {
    private static final short PARENT_PERMISSION = 0755;

    private final MetadataState state;

    public NamespaceOps(MetadataState state) {
        this.state = requireNonNull(state, "state is null");
    }

    private PermissionChecker permissions() {
        return state.permissions();
    }

    public ControllerResult<Object> mkdirs(Caller caller, Mkdirs request) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "mkdirs", request.path());
        state.safeMode().checkOff("mkdirs " + request.path());
        p.checkAncestorsAreDirectories();
        INode existing = p.last();
        if (existing != null) {
            if (!existing.isDirectory()) {
                throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "mkdirs " + p.path() + ": " + p.path() + " is a file");
            }
            permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
            return ControllerResult.of(null);
        }
        int deepest = p.deepestExisting();
        if (deepest < p.components().size() - 1 && !request.createParent()) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "mkdirs " + p.path() + ": parent " + p.prefix(p.components().size() - 1)
                    + " does not exist");
        }
        permissions().checkTraverse(caller, p.inodes(), deepest + 1);
        permissions().check(caller, p.inodes()[deepest], PermissionChecker.WRITE);
        List<JournalRecord> records = new ArrayList<>();
        addMissingDirectories(caller, p, p.components().size(), request.permission(), records);
        return ControllerResult.of(null, records);
    }

    /** Adds mkdir records for every missing component up to {@code upTo}; the last one gets {@code lastPermission}. */
    private void addMissingDirectories(Caller caller, ResolvedPath p, int upTo, short lastPermission, List<JournalRecord> records) {
        int deepest = p.deepestExisting();
        String group = p.inodes()[deepest].group();
        long id = state.directory().nextInodeId();
        long now = state.clock().currentTimeMillis();
        for (int i = deepest + 1; i <= upTo; i++) {
            short permission = i == upTo ? lastPermission : PARENT_PERMISSION;
            records.add(new Records.MkdirRecord(id++, p.prefix(i), caller.user(), group, permission, now));
        }
    }

    public ControllerResult<FileStatusReply> create(Caller caller, Create request, String clientMachine) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "create", request.path());
        state.safeMode().checkOff("create " + request.path());
        if (p.isRoot()) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, "create /: is a directory");
        }
        short replication = request.replication() <= 0 ? state.config().defaultReplication() : request.replication();
        long blockSize = request.blockSize() <= 0 ? state.config().blockSize() : request.blockSize();
        checkReplication("create " + p.path(), replication);
        if (blockSize % state.config().bytesPerChecksum() != 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "create " + p.path() + ": block size " + blockSize
                    + " is not a multiple of dfs.bytes-per-checksum (" + state.config().bytesPerChecksum() + ")");
        }
        p.checkAncestorsAreDirectories();
        List<JournalRecord> records = new ArrayList<>();
        long now = state.clock().currentTimeMillis();
        INode existing = p.last();
        if (existing != null) {
            if (existing.isDirectory()) {
                throw new QuarryException(ErrorCode.IS_A_DIRECTORY, "create " + p.path() + ": is a directory");
            }
            INodeFile file = (INodeFile) existing;
            if (file.isUnderConstruction() && !state.leases().softExpired(file.clientName())) {
                throw new QuarryException(ErrorCode.LEASE_CONFLICT, "create " + p.path() + ": file is being written by "
                        + file.clientName() + " (lease renewed " + state.leases().millisSinceRenewal(file.clientName())
                        + " ms ago, soft limit " + state.leases().softLimitMillis() + " ms)");
            }
            if (!request.overwrite()) {
                throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "create " + p.path() + ": file already exists");
            }
            permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
            permissions().check(caller, file.parent(), PermissionChecker.WRITE);
            permissions().check(caller, file, PermissionChecker.WRITE);
            records.add(new Records.DeleteRecord(p.path(), now));
        } else {
            int deepest = p.deepestExisting();
            if (deepest < p.components().size() - 1) {
                if (!request.createParent()) {
                    throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "create " + p.path() + ": parent "
                            + p.prefix(p.components().size() - 1) + " does not exist");
                }
            }
            permissions().checkTraverse(caller, p.inodes(), deepest + 1);
            permissions().check(caller, p.inodes()[deepest], PermissionChecker.WRITE);
            addMissingDirectories(caller, p, p.components().size() - 1, PARENT_PERMISSION, records);
        }
        int deepest = p.deepestExisting();
        String group = (existing != null ? existing.parent() : p.inodes()[Math.min(deepest, p.components().size() - 1)]).group();
        long id = state.directory().nextInodeId() + countMkdirs(records);
        records.add(new Records.CreateFileRecord(id, p.path(), caller.user(), group, request.permission(), now, replication,
                blockSize, request.clientName(), clientMachine));
        FileStatusInfo status = new FileStatusInfo(p.path(), id, false, 0, replication, blockSize, now, now, caller.user(), group,
                request.permission());
        return ControllerResult.of(new FileStatusReply(status), records);
    }

    private static int countMkdirs(List<JournalRecord> records) {
        int count = 0;
        for (JournalRecord record : records) {
            if (record instanceof Records.MkdirRecord) {
                count++;
            }
        }
        return count;
    }

    void checkReplication(String what, int replication) throws QuarryException {
        if (replication < 1 || replication > state.config().maxReplication()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, what + ": replication " + replication
                    + " is outside 1.." + state.config().maxReplication());
        }
    }

    public ControllerResult<Object> rename(Caller caller, Rename request) throws QuarryException {
        String what = "rename " + request.src() + " to " + request.dst();
        ResolvedPath src = ResolvedPath.of(state.directory(), "rename", request.src());
        ResolvedPath dst = ResolvedPath.of(state.directory(), "rename", request.dst());
        state.safeMode().checkOff(what);
        if (src.isRoot()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, what + ": cannot rename the root directory");
        }
        INode node = src.last();
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, what + ": " + request.src() + " does not exist");
        }
        String target = request.dst();
        INode dstNode = dst.last();
        INode dstParent;
        if (dstNode != null && dstNode.isDirectory() && dstNode != node) {
            target = PathNames.child(request.dst(), node.name());
            dstParent = dstNode;
            INode clash = ((INodeDirectory) dstNode).child(node.name());
            if (clash != null && clash != node) {
                throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, what + ": " + target + " already exists");
            }
        } else if (dstNode != null) {
            if (dstNode == node) {
                return ControllerResult.of(null);
            }
            throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, what + ": " + request.dst() + " already exists");
        } else {
            dst.checkAncestorsAreDirectories();
            if (dst.deepestExisting() < dst.components().size() - 1) {
                throw new QuarryException(ErrorCode.FILE_NOT_FOUND, what + ": parent " + PathNames.parent(request.dst())
                        + " does not exist");
            }
            dstParent = dst.inodes()[dst.inodes().length - 2];
        }
        if (target.equals(request.src())) {
            return ControllerResult.of(null);
        }
        if (node.isDirectory() && PathNames.isSameOrBelow(target, request.src())) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, what + ": cannot move a directory into its own subtree");
        }
        permissions().checkTraverse(caller, src.inodes(), src.inodes().length - 1);
        permissions().check(caller, node.parent(), PermissionChecker.WRITE);
        permissions().checkTraverse(caller, dst.inodes(), dst.deepestExisting() + 1);
        permissions().check(caller, dstParent, PermissionChecker.WRITE);
        return ControllerResult.of(null, new Records.RenameRecord(request.src(), target, state.clock().currentTimeMillis()));
    }

    public ControllerResult<DeleteReply> delete(Caller caller, Delete request) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "delete", request.path());
        state.safeMode().checkOff("delete " + request.path());
        if (p.isRoot()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "delete /: cannot delete the root directory");
        }
        INode node = p.last();
        if (node == null) {
            return ControllerResult.of(new DeleteReply(false));
        }
        if (node instanceof INodeDirectory dir && !dir.isEmpty() && !request.recursive()) {
            throw new QuarryException(ErrorCode.DIRECTORY_NOT_EMPTY, "delete " + p.path() + ": directory is not empty ("
                    + dir.children().size() + " entries) and recursive is false");
        }
        permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
        permissions().check(caller, node.parent(), PermissionChecker.WRITE);
        if (node instanceof INodeDirectory dir && !dir.isEmpty()) {
            checkSubtreeWritable(caller, dir);
        }
        return ControllerResult.of(new DeleteReply(true), new Records.DeleteRecord(p.path(), state.clock().currentTimeMillis()));
    }

    private void checkSubtreeWritable(Caller caller, INodeDirectory dir) throws QuarryException {
        if (!permissions().enabled() || caller.superuser()) {
            return;
        }
        permissions().check(caller, dir, PermissionChecker.WRITE | PermissionChecker.EXECUTE);
        for (INode child : dir.childList()) {
            if (child instanceof INodeDirectory sub && !sub.isEmpty()) {
                checkSubtreeWritable(caller, sub);
            }
        }
    }
}
