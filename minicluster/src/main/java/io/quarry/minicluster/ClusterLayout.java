package io.quarry.minicluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.DfsConfigKeys;

/**
 * Where each node of a mini cluster lives (directory, loopback address) and the configuration
 * each one starts with: defaults tuned for tests, overlaid with the builder's overrides.
 */
final class ClusterLayout {
    static final Map<String, String> TEST_DEFAULTS = Map.ofEntries(
            Map.entry(DfsConfigKeys.HEARTBEAT_INTERVAL.name(), "100ms"),
            Map.entry(DfsConfigKeys.HEARTBEAT_RECHECK_INTERVAL.name(), "500ms"),
            Map.entry(DfsConfigKeys.REDUNDANCY_INTERVAL.name(), "200ms"),
            Map.entry(DfsConfigKeys.SAFEMODE_EXTENSION.name(), "0"),
            Map.entry(DfsConfigKeys.BLOCK_REPORT_INTERVAL.name(), "1h"),
            Map.entry("quarry.rpc.retry.max-backoff", "500ms"),
            Map.entry("quarry.rpc.connect-timeout", "2s"),
            Map.entry("quarry.rpc.timeout", "20s"),
            Map.entry(DfsConfigKeys.CLIENT_SOCKET_TIMEOUT.name(), "10s"));

    private final Path baseDir;
    private final Map<String, String> overrides;
    private final List<String> racks;
    private final boolean separateHosts;

    ClusterLayout(Path baseDir, Map<String, String> overrides, List<String> racks, boolean separateHosts) {
        this.baseDir = requireNonNull(baseDir, "baseDir is null").toAbsolutePath();
        this.overrides = Map.copyOf(overrides);
        this.racks = List.copyOf(racks);
        this.separateHosts = separateHosts;
    }

    Path baseDir() {
        return baseDir;
    }

    String nameNodeHost() {
        return "127.0.0.1";
    }

    /** DataNode i binds 127.0.0.(i+2) when hosts are separate, 127.0.0.1 otherwise. */
    String dataNodeHost(int index) {
        if (!separateHosts) {
            return "127.0.0.1";
        }
        if (index + 2 > 254) {
            throw new IllegalArgumentException("At most 253 DataNodes fit on separate loopback addresses, asked for index " + index);
        }
        return "127.0.0." + (index + 2);
    }

    Path nameNodeDir() {
        return baseDir.resolve("namenode");
    }

    Path dataNodeDir(int index) {
        return baseDir.resolve("datanode-" + index);
    }

    String rack(int index) {
        return index < racks.size() ? racks.get(index) : "/default-rack";
    }

    private Map<String, String> common(int nameNodePort) throws IOException {
        Map<String, String> values = new HashMap<>(TEST_DEFAULTS);
        values.put(DfsConfigKeys.TMP_DIR.name(), baseDir.resolve("tmp").toString());
        values.put(DfsConfigKeys.DEFAULT_FS.name(), "qfs://" + nameNodeHost() + ":" + nameNodePort);
        values.put(DfsConfigKeys.NAMENODE_RPC_ADDRESS.name(), nameNodeHost() + ":" + nameNodePort);
        if (!racks.isEmpty()) {
            values.put(DfsConfigKeys.TOPOLOGY_TABLE.name(), writeTopology().toString());
        }
        values.putAll(overrides);
        return values;
    }

    /** The table every node reads racks from: one "host rack" line per DataNode address. */
    private Path writeTopology() throws IOException {
        Files.createDirectories(baseDir);
        Path table = baseDir.resolve("topology.table");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < racks.size(); i++) {
            text.append(dataNodeHost(i)).append(' ').append(rack(i)).append('\n');
        }
        Files.writeString(table, text.toString(), StandardCharsets.UTF_8);
        return table;
    }

    Configuration nameNodeConf(int port) throws IOException {
        Files.createDirectories(nameNodeDir());
        Map<String, String> values = common(port);
        values.putIfAbsent(DfsConfigKeys.NAMENODE_NAME_DIR.name(), nameNodeDir().resolve("name").toString());
        values.putIfAbsent(DfsConfigKeys.NAMENODE_HTTP_ADDRESS.name(), nameNodeHost() + ":0");
        return Configuration.of(values);
    }

    Configuration dataNodeConf(int index, int nameNodePort, int dataPort) throws IOException {
        Path dir = dataNodeDir(index);
        Files.createDirectories(dir);
        Map<String, String> values = common(nameNodePort);
        String host = dataNodeHost(index);
        values.put(DfsConfigKeys.DATANODE_DATA_DIR.name(), dir.resolve("data").toString());
        values.put(DfsConfigKeys.DATANODE_ADDRESS.name(), host + ":" + dataPort);
        values.put(DfsConfigKeys.DATANODE_HTTP_ADDRESS.name(), host + ":0");
        values.put(DfsConfigKeys.DATANODE_HOSTNAME.name(), host);
        return Configuration.of(values);
    }

    Configuration clientConf(int nameNodePort) throws IOException {
        return Configuration.of(common(nameNodePort));
    }

    static List<String> racksOf(String... racks) {
        return new ArrayList<>(List.of(racks));
    }
}
