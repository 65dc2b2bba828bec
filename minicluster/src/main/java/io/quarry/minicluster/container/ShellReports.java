package io.quarry.minicluster.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarry.minicluster.BlockReplicas;

/** Reads what {@code quarry fsck} and {@code quarry dfsadmin -report} print, as the container client sees it. */
final class ShellReports {
    /** {@code 0. blk_1073741825_1001 len=1048576 Live_repl=3 [dn3:9866, dn1:9866, dn2:9866]}. */
    private static final Pattern BLOCK_LINE = Pattern.compile("^\\d+\\. (blk_\\S+) len=(\\d+)(.*)$");
    private static final Pattern LOCATIONS = Pattern.compile("\\[([^\\]]*)\\]");

    private ShellReports() {
    }

    /** The blocks of {@code quarry fsck PATH -files -blocks -locations}, in file order. */
    static List<BlockReplicas> fsckBlocks(String fsckOutput) {
        List<BlockReplicas> blocks = new ArrayList<>();
        for (String line : fsckOutput.split("\n")) {
            Matcher block = BLOCK_LINE.matcher(line.strip());
            if (!block.matches()) {
                continue;
            }
            List<String> hosts = new ArrayList<>();
            Matcher locations = LOCATIONS.matcher(block.group(3));
            if (locations.find()) {
                for (String location : locations.group(1).split(",")) {
                    String address = location.strip();
                    if (!address.isEmpty()) {
                        int colon = address.lastIndexOf(':');
                        hosts.add(colon < 0 ? address : address.substring(0, colon));
                    }
                }
            }
            blocks.add(new BlockReplicas(block.group(1), Long.parseLong(block.group(2)), hosts));
        }
        return blocks;
    }

    /** Host names listed under "Live datanodes (n):" (live) or "Dead datanodes (n):" in {@code dfsadmin -report}. */
    static Set<String> reportHosts(String reportOutput, boolean live) {
        Set<String> hosts = new TreeSet<>();
        String section = null;
        for (String line : reportOutput.split("\n")) {
            String text = line.strip();
            if (text.startsWith("Live datanodes")) {
                section = "live";
            } else if (text.startsWith("Dead datanodes")) {
                section = "dead";
            } else if (text.startsWith("Hostname:") && section != null && section.equals(live ? "live" : "dead")) {
                hosts.add(text.substring("Hostname:".length()).strip());
            }
        }
        return hosts;
    }
}
