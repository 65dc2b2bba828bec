package io.quarry.dfs.datanode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.Permissions;

/** The DataNode's settings, read once at start. {@code dataDirPermission}: mode bits of the block directories. */
public record DataNodeConfig(List<Path> dataDirs, short dataDirPermission, HostAndPort transferAddress, HostAndPort httpAddress, String hostname,
                             List<HostAndPort> nameNodeAddresses, boolean syncOnClose, int bytesPerChecksum, Duration heartbeatInterval,
                             Duration blockReportInterval, Duration scanPeriod, int transferThreads, Duration rpcTimeout,
                             Duration connectTimeout, Duration socketTimeout) {
    static final int DEFAULT_NAMENODE_PORT = 8020;

    public DataNodeConfig {
        dataDirs = List.copyOf(dataDirs);
        nameNodeAddresses = List.copyOf(nameNodeAddresses);
        if (nameNodeAddresses.isEmpty()) {
            throw new ConfigException("A DataNode needs at least one NameNode address");
        }
    }

    /** The first (without HA, the only) NameNode. */
    public HostAndPort nameNodeAddress() {
        return nameNodeAddresses.get(0);
    }

    public static DataNodeConfig from(Configuration conf) {
        return new DataNodeConfig(dataDirs(conf),
                Permissions.parseOctal(conf.getString(DfsConfigKeys.DATANODE_DATA_DIR_PERM)),
                HostAndPort.parse(conf.getString(DfsConfigKeys.DATANODE_ADDRESS)),
                HostAndPort.parse(conf.getString(DfsConfigKeys.DATANODE_HTTP_ADDRESS)),
                conf.getString(DfsConfigKeys.DATANODE_HOSTNAME),
                nameNodeAddresses(conf),
                conf.getBoolean(DfsConfigKeys.DATANODE_SYNC_ON_CLOSE),
                conf.getInt(DfsConfigKeys.BYTES_PER_CHECKSUM),
                conf.getDuration(DfsConfigKeys.HEARTBEAT_INTERVAL),
                conf.getDuration(DfsConfigKeys.BLOCK_REPORT_INTERVAL),
                conf.getDuration(DfsConfigKeys.SCAN_PERIOD),
                conf.getInt(DfsConfigKeys.DATANODE_HANDLER_THREADS),
                conf.getDuration(CommonConfigKeys.RPC_TIMEOUT),
                conf.getDuration(CommonConfigKeys.RPC_CONNECT_TIMEOUT),
                conf.getDuration(DfsConfigKeys.CLIENT_SOCKET_TIMEOUT));
    }

    private static List<Path> dataDirs(Configuration conf) {
        if (conf.isSet(DfsConfigKeys.DATANODE_DATA_DIR)) {
            List<Path> dirs = new ArrayList<>();
            for (String dir : conf.getList(DfsConfigKeys.DATANODE_DATA_DIR)) {
                dirs.add(Path.of(dir.startsWith("file://") ? URI.create(dir).getPath() : dir));
            }
            if (dirs.isEmpty()) {
                throw new ConfigException(DfsConfigKeys.DATANODE_DATA_DIR.name() + " lists no directory");
            }
            return dirs;
        }
        String base = conf.isSet(DfsConfigKeys.TMP_DIR) ? conf.getString(DfsConfigKeys.TMP_DIR)
                : Path.of(System.getProperty("java.io.tmpdir"), "quarry-" + CommonConfigKeys.currentUser(conf)).toString();
        return List.of(Path.of(base, "dfs", "data"));
    }

    /** Every NameNode of an HA pair ({@code dfs.namenode.ha.rpc-addresses}), or the single NameNode. */
    static List<HostAndPort> nameNodeAddresses(Configuration conf) {
        if (conf.isSet(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES)) {
            List<HostAndPort> addresses = new ArrayList<>();
            for (String address : conf.getList(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES)) {
                addresses.add(HostAndPort.parse(address.trim()));
            }
            if (addresses.isEmpty()) {
                throw new ConfigException(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES.name() + " lists no address");
            }
            return addresses;
        }
        return List.of(nameNodeAddress(conf));
    }

    static HostAndPort nameNodeAddress(Configuration conf) {
        if (conf.isSet(DfsConfigKeys.NAMENODE_RPC_ADDRESS)) {
            return HostAndPort.parse(conf.getString(DfsConfigKeys.NAMENODE_RPC_ADDRESS));
        }
        String defaultFs = conf.getString(DfsConfigKeys.DEFAULT_FS);
        URI uri = URI.create(defaultFs);
        if (uri.getHost() == null) {
            throw new ConfigException("Cannot find the NameNode: " + DfsConfigKeys.NAMENODE_RPC_ADDRESS.name() + " is unset and "
                    + DfsConfigKeys.DEFAULT_FS.name() + "=" + defaultFs + " names no host");
        }
        return new HostAndPort(uri.getHost(), uri.getPort() < 0 ? DEFAULT_NAMENODE_PORT : uri.getPort());
    }
}
