package io.quarry.common.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.common.net.HostAndPort;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A single ZooKeeper server (the real one, from ZooKeeper's own artifact) for users without an
 * ensemble: {@code quarry zookeeper}. Its snapshots and log live in {@code quarry.zookeeper.data.dir};
 * it serves clients on {@code quarry.zookeeper.bind-host:quarry.zookeeper.client.port}.
 */
public final class StandaloneZooKeeper implements Daemon {
    public static final String ROLE = "zookeeper";
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneZooKeeper.class);
    private static final int MAX_CLIENT_CONNECTIONS = 0; // unlimited per client host, as ZooKeeper's own default of 60 is low for a cluster

    private final FileTxnSnapLog snapLog;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;
    private final HostAndPort clientAddress;

    private StandaloneZooKeeper(FileTxnSnapLog snapLog, ZooKeeperServer server, ServerCnxnFactory connections,
                                HostAndPort clientAddress) {
        this.snapLog = requireNonNull(snapLog, "snapLog is null");
        this.server = requireNonNull(server, "server is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
    }

    /** Starts the server; it serves once this returns. */
    public static StandaloneZooKeeper start(Configuration conf) throws IOException, InterruptedException {
        Path dataDir = dataDir(conf);
        Files.createDirectories(dataDir);
        String host = conf.getString(HaConfigKeys.ZOOKEEPER_BIND_HOST);
        int port = conf.getInt(HaConfigKeys.ZOOKEEPER_CLIENT_PORT);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(HaConfigKeys.ZOOKEEPER_CLIENT_PORT.name() + " must be 0..65535, got " + port);
        }
        int tickMillis = (int) conf.getDuration(HaConfigKeys.ZOOKEEPER_TICK_TIME).toMillis();
        if (tickMillis < 1) {
            throw new IllegalArgumentException(HaConfigKeys.ZOOKEEPER_TICK_TIME.name() + " must be at least 1 ms, got "
                    + conf.get(HaConfigKeys.ZOOKEEPER_TICK_TIME.name()));
        }
        FileTxnSnapLog snapLog = new FileTxnSnapLog(dataDir.toFile(), dataDir.toFile());
        ZooKeeperServer server = new ZooKeeperServer(snapLog, tickMillis, "");
        ServerCnxnFactory connections;
        try {
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(host, port), MAX_CLIENT_CONNECTIONS);
        } catch (IOException e) {
            snapLog.close();
            throw new IOException("Cannot serve ZooKeeper clients on " + host + ":" + port + " ("
                    + HaConfigKeys.ZOOKEEPER_CLIENT_PORT.name() + "): " + e.getMessage(), e);
        }
        try {
            connections.startup(server);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            connections.shutdown();
            snapLog.close();
            throw e;
        }
        HostAndPort address = new HostAndPort(host, connections.getLocalPort());
        LOG.info("{}: serving clients on {}, data in {}", ROLE, address, dataDir);
        return new StandaloneZooKeeper(snapLog, server, connections, address);
    }

    static Path dataDir(Configuration conf) {
        String configured = conf.getString(HaConfigKeys.ZOOKEEPER_DATA_DIR);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "quarry-zookeeper");
    }

    /** The address clients connect to (with the bound port when port 0 was asked for). */
    public HostAndPort clientAddress() {
        return clientAddress;
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public Map<String, HostAndPort> addresses() {
        return Map.of("client", clientAddress);
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
        try {
            snapLog.close();
        } catch (IOException e) {
            LOG.warn("{}: closing the transaction log failed", ROLE, e);
        }
        LOG.info("{}: stopped serving on {}", ROLE, clientAddress);
    }
}
