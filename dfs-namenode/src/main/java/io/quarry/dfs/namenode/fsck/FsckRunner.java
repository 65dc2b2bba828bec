package io.quarry.dfs.namenode.fsck;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.namenode.blocks.BlockInfo;
import io.quarry.dfs.namenode.blocks.BlockManager;
import io.quarry.dfs.namenode.datanodes.DatanodeDescriptor;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;
import io.quarry.dfs.namenode.namespace.FsDirectory;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeDirectory;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.namenode.namespace.PathNames;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.client.Fsck;
import io.quarry.dfs.protocol.client.FsckReport;

/** Checks every block under a path and writes a report laid out like HDFS's fsck. */
public final class FsckRunner {
    private final FsDirectory directory;
    private final BlockManager blocks;
    private final DatanodeManager datanodes;
    private final short defaultReplication;

    public FsckRunner(FsDirectory directory, BlockManager blocks, DatanodeManager datanodes, short defaultReplication) {
        this.directory = requireNonNull(directory, "directory is null");
        this.blocks = requireNonNull(blocks, "blocks is null");
        this.datanodes = requireNonNull(datanodes, "datanodes is null");
        this.defaultReplication = defaultReplication;
    }

    private static final class Totals {
        long size;
        long files;
        long dirs;
        long blocks;
        long minimallyReplicated;
        long underReplicated;
        long overReplicated;
        long corrupt;
        long missing;
        long missingSize;
        long missingReplicas;
        long liveReplicas;
        long openFiles;
    }

    public FsckReport run(Fsck request, String user, long startedMillis) throws QuarryException {
        List<String> components = io.quarry.dfs.namenode.namespace.PathNames.components("fsck", request.path());
        INode root = directory.lookup(components);
        if (root == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "fsck " + request.path() + ": does not exist");
        }
        StringBuilder out = new StringBuilder();
        out.append("FSCK started by ").append(user).append(" for path ").append(request.path()).append(" at ")
                .append(new java.util.Date(startedMillis)).append('\n');
        Totals totals = new Totals();
        walk(root, request.path(), request, totals, out);
        boolean healthy = totals.missing == 0 && totals.corrupt == 0;
        Set<String> racks = new HashSet<>();
        for (DatanodeDescriptor node : datanodes.liveNodes()) {
            racks.add(node.rack());
        }
        out.append('\n');
        out.append("Status: ").append(healthy ? "HEALTHY" : "CORRUPT").append('\n');
        out.append(" Number of data-nodes:\t").append(datanodes.liveCount()).append('\n');
        out.append(" Number of racks:\t\t").append(racks.size()).append('\n');
        out.append(" Total dirs:\t\t\t").append(totals.dirs).append('\n');
        out.append(" Total symlinks:\t\t0\n");
        out.append("Replicated Blocks:\n");
        out.append(" Total size:\t").append(totals.size).append(" B\n");
        out.append(" Total files:\t").append(totals.files).append(totals.openFiles > 0 ? " (Files currently being written: "
                + totals.openFiles + ")" : "").append('\n');
        out.append(" Total blocks (validated):\t").append(totals.blocks).append(totals.blocks > 0
                ? " (avg. block size " + totals.size / totals.blocks + " B)" : "").append('\n');
        out.append(" Minimally replicated blocks:\t").append(totals.minimallyReplicated).append(percent(totals.minimallyReplicated, totals.blocks)).append('\n');
        out.append(" Over-replicated blocks:\t").append(totals.overReplicated).append(percent(totals.overReplicated, totals.blocks)).append('\n');
        out.append(" Under-replicated blocks:\t").append(totals.underReplicated).append(percent(totals.underReplicated, totals.blocks)).append('\n');
        out.append(" Default replication factor:\t").append(defaultReplication).append('\n');
        out.append(" Average block replication:\t").append(String.format(Locale.ROOT, "%.1f",
                totals.blocks == 0 ? 0.0 : (double) totals.liveReplicas / totals.blocks)).append('\n');
        out.append(" Missing blocks:\t\t").append(totals.missing).append('\n');
        out.append(" Corrupt blocks:\t\t").append(totals.corrupt).append('\n');
        out.append(" Missing replicas:\t\t").append(totals.missingReplicas)
                .append(percent(totals.missingReplicas, totals.liveReplicas + totals.missingReplicas)).append('\n');
        out.append('\n');
        out.append("The filesystem under path '").append(request.path()).append("' is ").append(healthy ? "HEALTHY" : "CORRUPT")
                .append('\n');
        return new FsckReport(out.toString(), healthy, totals.files, totals.blocks, totals.underReplicated, totals.corrupt,
                totals.missing);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, " (%.1f %%)", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    private void walk(INode node, String path, Fsck request, Totals totals, StringBuilder out) {
        if (node instanceof INodeDirectory dir) {
            totals.dirs++;
            if (request.listFiles()) {
                out.append(path).append(" <dir>\n");
            }
            for (INode child : dir.childList()) {
                walk(child, PathNames.child(path, child.name()), request, totals, out);
            }
            return;
        }
        INodeFile file = (INodeFile) node;
        totals.files++;
        totals.size += file.length();
        if (file.isUnderConstruction()) {
            totals.openFiles++;
        }
        StringBuilder blockLines = new StringBuilder();
        StringBuilder problems = new StringBuilder();
        int index = 0;
        long fileMissing = 0;
        long fileMissingSize = 0;
        List<Block> fileBlocks = file.blocks();
        for (Block block : fileBlocks) {
            BlockInfo info = blocks.get(block.blockId());
            if (info == null || !info.isComplete()) {
                index++;
                continue; // the block being written is not judged
            }
            totals.blocks++;
            List<DatanodeDescriptor> good = blocks.goodReplicas(info);
            List<DatanodeDescriptor> corrupt = blocks.corruptReplicas(info);
            int target = file.replication();
            totals.liveReplicas += good.size();
            if (good.size() >= 1) {
                totals.minimallyReplicated++;
            }
            if (good.isEmpty() && !corrupt.isEmpty()) {
                totals.corrupt++;
                problems.append(path).append(": CORRUPT block ").append(info.block().name()).append('\n');
            } else if (good.isEmpty()) {
                totals.missing++;
                fileMissing++;
                fileMissingSize += info.numBytes();
                problems.append(path).append(": MISSING block ").append(info.block().name()).append('\n');
            }
            if (!good.isEmpty() && good.size() < target) {
                totals.underReplicated++;
                problems.append(path).append(":  Under replicated ").append(info.block().name()).append(". Target Replicas is ")
                        .append(target).append(" but found ").append(good.size()).append(" live replica(s).\n");
            } else if (good.size() > target) {
                totals.overReplicated++;
            }
            totals.missingReplicas += Math.max(0, target - good.size());
            if (request.listBlocks()) {
                blockLines.append(index).append(". ").append(info.block().name()).append(" len=").append(info.numBytes())
                        .append(" Live_repl=").append(good.size());
                if (request.listLocations() || request.listRacks()) {
                    blockLines.append(" [");
                    for (int i = 0; i < good.size(); i++) {
                        DatanodeDescriptor holder = good.get(i);
                        blockLines.append(i == 0 ? "" : ", ");
                        blockLines.append(request.listRacks() ? holder.rack() + "/" + holder.id() : holder.id().toString());
                    }
                    blockLines.append(']');
                }
                blockLines.append('\n');
            }
            index++;
        }
        if (fileMissing > 0) {
            problems.append(path).append(": MISSING ").append(fileMissing).append(" blocks of total size ").append(fileMissingSize)
                    .append(" B.\n");
        }
        if (request.listFiles()) {
            out.append(path).append(' ').append(file.length()).append(" bytes, replicated: replication=").append(file.replication())
                    .append(", ").append(fileBlocks.size()).append(" block(s)").append(file.isUnderConstruction() ? ", OPENFORWRITE" : "")
                    .append(": ").append(problems.length() == 0 ? " OK" : "").append('\n');
        }
        out.append(problems);
        out.append(blockLines);
    }
}
