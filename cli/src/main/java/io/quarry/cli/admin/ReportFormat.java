package io.quarry.cli.admin;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.client.DatanodeReport;

/** Prints a {@link DatanodeReport} in the layout of {@code hdfs dfsadmin -report}. */
final class ReportFormat {
    private static final DateTimeFormatter LAST_CONTACT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};

    private ReportFormat() {
    }

    static void print(DatanodeReport report, PrintStream out) {
        out.println("Configured Capacity: " + bytes(report.capacity()));
        out.println("DFS Remaining: " + bytes(report.remaining()));
        out.println("DFS Used: " + bytes(report.dfsUsed()));
        out.println("DFS Used%: " + percent(report.dfsUsed(), report.capacity()));
        out.println("Replicated Blocks:");
        out.println("\tUnder replicated blocks: " + report.underReplicatedBlocks());
        out.println("\tBlocks with corrupt replicas: " + report.corruptBlocks());
        out.println("\tMissing blocks: " + report.missingBlocks());
        out.println();
        out.println("-------------------------------------------------");
        printNodes("Live", DatanodeState.LIVE, report.datanodes(), out);
        printNodes("Dead", DatanodeState.DEAD, report.datanodes(), out);
    }

    private static void printNodes(String title, DatanodeState state, List<DatanodeInfo> all, PrintStream out) {
        List<DatanodeInfo> nodes = all.stream().filter(node -> node.state() == state).toList();
        out.println(title + " datanodes (" + nodes.size() + "):");
        out.println();
        for (DatanodeInfo node : nodes) {
            out.println("Name: " + node.id() + " (" + node.id().host() + ")");
            out.println("Hostname: " + node.id().host());
            out.println("Rack: " + node.rack());
            out.println("Configured Capacity: " + bytes(node.capacity()));
            out.println("DFS Used: " + bytes(node.dfsUsed()));
            out.println("DFS Remaining: " + bytes(node.remaining()));
            out.println("DFS Used%: " + percent(node.dfsUsed(), node.capacity()));
            out.println("DFS Remaining%: " + percent(node.remaining(), node.capacity()));
            out.println("Blocks: " + node.blockCount());
            out.println("Xceivers: " + node.activeTransfers());
            out.println("Last contact: " + lastContact(node.lastHeartbeatMillis()));
            out.println();
        }
    }

    /** {@code 52710469632 (49.09 GB)}. */
    static String bytes(long value) {
        double scaled = value;
        int unit = 0;
        while (scaled >= 1024 && unit < UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        String text = unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.2f %s", scaled, UNITS[unit]);
        return value + " (" + text + ")";
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f%%", whole <= 0 ? 0.0 : 100.0 * part / whole);
    }

    private static String lastContact(long millis) {
        if (millis <= 0) {
            return "never";
        }
        return LAST_CONTACT.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()));
    }
}
