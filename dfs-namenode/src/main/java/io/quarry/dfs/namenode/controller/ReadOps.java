package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.blocks.BlockInfo;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.namespace.Caller;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeDirectory;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.namenode.namespace.PathNames;
import io.quarry.dfs.namenode.namespace.PermissionChecker;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.ContentSummary;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.FileStatusInfo;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.ServerDefaults;
import io.quarry.dfs.protocol.client.DirectoryListing;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetListing;

/** Namespace reads: status, listings, summaries and block locations. */
public final class ReadOps {
    public static final int LISTING_PAGE = 1000;

    private final MetadataState state;
    private final Random random;

    public ReadOps(MetadataState state, Random random) {
        this.state = requireNonNull(state, "state is null");
        this.random = requireNonNull(random, "random is null");
    }

    public FileStatusReply getFileInfo(Caller caller, String path) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "getFileInfo", path);
        INode node = p.last();
        if (node == null) {
            return new FileStatusReply(null);
        }
        state.permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
        return new FileStatusReply(state.directory().status(node, path));
    }

    public DirectoryListing getListing(Caller caller, GetListing request) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "getListing", request.path());
        INode node = p.last();
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "getListing " + request.path() + ": does not exist");
        }
        state.permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
        if (!(node instanceof INodeDirectory dir)) {
            return new DirectoryListing(List.of(state.directory().status(node, request.path())), 0);
        }
        state.permissions().check(caller, dir, PermissionChecker.READ | PermissionChecker.EXECUTE);
        String after = request.startAfter();
        NavigableMap<String, INode> tail = after == null || after.isEmpty() ? dir.children() : dir.children().tailMap(after, false);
        List<FileStatusInfo> entries = new ArrayList<>(Math.min(LISTING_PAGE, tail.size()));
        for (INode child : tail.values()) {
            if (entries.size() == LISTING_PAGE) {
                break;
            }
            entries.add(state.directory().status(child, PathNames.child(request.path(), child.name())));
        }
        return new DirectoryListing(entries, tail.size() - entries.size());
    }

    public ContentSummary getContentSummary(Caller caller, String path) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "getContentSummary", path);
        INode node = p.last();
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "getContentSummary " + path + ": does not exist");
        }
        state.permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
        if (node.isDirectory()) {
            state.permissions().check(caller, node, PermissionChecker.READ | PermissionChecker.EXECUTE);
        }
        long[] totals = new long[4];
        summarize(node, totals);
        return new ContentSummary(totals[0], totals[1], totals[2], totals[3]);
    }

    private static void summarize(INode node, long[] totals) {
        if (node instanceof INodeFile file) {
            long length = file.length();
            totals[0] += length;
            totals[1]++;
            totals[3] += length * file.replication();
        } else {
            totals[2]++;
            for (INode child : ((INodeDirectory) node).childList()) {
                summarize(child, totals);
            }
        }
    }

    public LocatedBlocks getBlockLocations(Caller caller, GetBlockLocations request) throws QuarryException {
        ResolvedPath p = ResolvedPath.of(state.directory(), "getBlockLocations", request.path());
        INode node = p.last();
        if (node == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "getBlockLocations " + request.path() + ": does not exist");
        }
        if (node.isDirectory()) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, "getBlockLocations " + request.path() + ": is a directory");
        }
        state.permissions().checkTraverse(caller, p.inodes(), p.inodes().length - 1);
        state.permissions().check(caller, node, PermissionChecker.READ);
        INodeFile file = (INodeFile) node;
        if (request.offset() < 0 || request.length() < 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "getBlockLocations " + request.path() + ": negative offset "
                    + request.offset() + " or length " + request.length());
        }
        long end = request.length() > Long.MAX_VALUE - request.offset() ? Long.MAX_VALUE : request.offset() + request.length();
        List<LocatedBlock> out = new ArrayList<>();
        long offset = 0;
        List<Block> blocks = file.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            boolean lastOpen = file.isUnderConstruction() && i == blocks.size() - 1;
            if (offset < Math.max(end, request.offset() + 1) && (offset + block.numBytes() > request.offset() || lastOpen)) {
                out.add(locate(block, offset, request.clientHost()));
            }
            offset += block.numBytes();
        }
        return new LocatedBlocks(file.length(), file.isUnderConstruction(), out);
    }

    /** The block with its replicas, closest to the client first: same host, same rack, then shuffled. */
    public LocatedBlock locate(Block block, long offset, String clientHost) {
        BlockInfo info = state.blocks().get(block.blockId());
        if (info == null) {
            return new LocatedBlock(block, offset, List.of(), false);
        }
        List<DatanodeDescriptor> nodes = info.isComplete() ? state.blocks().goodReplicas(info) : state.blocks().currentHolders(info);
        boolean corrupt = false;
        if (nodes.isEmpty() && info.isComplete() && !info.corrupt().isEmpty()) {
            nodes = state.blocks().corruptReplicas(info);
            corrupt = !nodes.isEmpty();
        }
        List<DatanodeId> ids;
        if (nodes.isEmpty() && !info.isComplete()) {
            ids = info.expectedLocations();
        } else {
            ids = sortByDistance(nodes, clientHost);
        }
        return new LocatedBlock(info.block(), offset, ids, corrupt);
    }

    private List<DatanodeId> sortByDistance(List<DatanodeDescriptor> nodes, String clientHost) {
        List<DatanodeDescriptor> local = new ArrayList<>();
        List<DatanodeDescriptor> rack = new ArrayList<>();
        List<DatanodeDescriptor> other = new ArrayList<>();
        String clientRack = clientHost == null ? null : state.datanodes().rackOf(clientHost);
        for (DatanodeDescriptor node : nodes) {
            if (node.host().equals(clientHost)) {
                local.add(node);
            } else if (clientRack != null && node.rack().equals(clientRack) && isKnownHost(clientHost)) {
                rack.add(node);
            } else {
                other.add(node);
            }
        }
        Collections.shuffle(rack, random);
        Collections.shuffle(other, random);
        List<DatanodeId> out = new ArrayList<>(nodes.size());
        local.forEach(n -> out.add(n.id()));
        rack.forEach(n -> out.add(n.id()));
        other.forEach(n -> out.add(n.id()));
        return out;
    }

    private boolean isKnownHost(String host) {
        return !state.datanodes().rackOf(host).equals(io.quarry.dfs.namenode.datanodes.Topology.DEFAULT_RACK)
                || !state.datanodes().liveOnHost(host).isEmpty();
    }

    public ServerDefaults serverDefaults() {
        return new ServerDefaults(state.config().blockSize(), state.config().defaultReplication(), state.config().bytesPerChecksum(),
                state.config().writePacketSize());
    }
}
