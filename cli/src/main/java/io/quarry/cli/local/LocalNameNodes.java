package io.quarry.cli.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.namenode.NameNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The local cluster's NameNodes: one, or with {@code --ha} two sharing the embedded ZooKeeper as
 * their journal. The first serves on {@code dfs.namenode.rpc-address} (127.0.0.1:8020 by default)
 * with the status page on 9870 when free; the second on the next port and 9871 when free (else
 * free ports), with its name directory beside the first's.
 */
final class LocalNameNodes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalNameNodes.class);
    static final int DEFAULT_HTTP_PORT = 9870;

    private final List<NameNode> nameNodes;

    private LocalNameNodes(List<NameNode> nameNodes) {
        this.nameNodes = List.copyOf(requireNonNull(nameNodes, "nameNodes is null"));
    }

    /** Starts one NameNode, or two when {@code pair}; {@code conf} carries the quorum for a pair. */
    static LocalNameNodes start(Configuration conf, LocalDirs dirs, boolean pair) throws IOException {
        List<NameNode> started = new ArrayList<>();
        try {
            NameNode first = NameNode.start(nameNodeConf(conf, dirs.nameDir(), rpcOf(conf), DEFAULT_HTTP_PORT));
            started.add(first);
            if (pair) {
                HostAndPort next = new HostAndPort(first.rpcAddress().host(), first.rpcAddress().port() + 1);
                String rpc = LocalCluster.isFree(next) ? next.toString() : first.rpcAddress().host() + ":0";
                started.add(NameNode.start(nameNodeConf(conf, dirs.secondNameDir(), rpc, DEFAULT_HTTP_PORT + 1)));
            }
            return new LocalNameNodes(started);
        } catch (IOException | RuntimeException e) {
            new LocalNameNodes(started).close();
            throw e;
        }
    }

    private static String rpcOf(Configuration conf) {
        return conf.getString(DfsConfigKeys.NAMENODE_RPC_ADDRESS).trim();
    }

    private static Configuration nameNodeConf(Configuration conf, Path nameDir, String rpc, int httpPort) {
        Configuration out = conf.with(DfsConfigKeys.NAMENODE_NAME_DIR, nameDir.toString()).with(DfsConfigKeys.NAMENODE_RPC_ADDRESS, rpc);
        if (!conf.isSet(DfsConfigKeys.NAMENODE_HTTP_ADDRESS)) {
            int port = LocalCluster.isFree(new HostAndPort("127.0.0.1", httpPort)) ? httpPort : 0;
            out = out.with(DfsConfigKeys.NAMENODE_HTTP_ADDRESS, "127.0.0.1:" + port);
        } else if (httpPort != DEFAULT_HTTP_PORT) {
            // The configured status page address belongs to the first NameNode; the second takes a free port on its host.
            HostAndPort configured = HostAndPort.parse(conf.getString(DfsConfigKeys.NAMENODE_HTTP_ADDRESS).trim());
            out = out.with(DfsConfigKeys.NAMENODE_HTTP_ADDRESS, configured.host() + ":0");
        }
        return out;
    }

    NameNode first() {
        return nameNodes.get(0);
    }

    List<NameNode> all() {
        return nameNodes;
    }

    boolean paired() {
        return nameNodes.size() > 1;
    }

    /** A DataNode's configuration pointed at every NameNode (HA) or the one. */
    Configuration reportTo(Configuration dataNode) {
        Configuration out = dataNode.with(DfsConfigKeys.NAMENODE_RPC_ADDRESS, first().rpcAddress().toString());
        if (paired()) {
            out = out.with(DfsConfigKeys.NAMENODE_HA_RPC_ADDRESSES.name(),
                    nameNodes.stream().map(node -> node.rpcAddress().toString()).collect(Collectors.joining(",")));
        }
        return out;
    }

    /** The active NameNode now (always the one without HA), empty between actives. */
    Optional<NameNode> active() {
        return nameNodes.stream().filter(NameNode::isActive).findFirst();
    }

    /** Waits until a NameNode is active, out of safe mode, with {@code expected} live DataNodes. */
    void awaitReady(int expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no NameNode is active";
        while (System.nanoTime() < deadline) {
            Optional<NameNode> active = active();
            if (active.isPresent()) {
                NameNode node = active.get();
                long live = node.stats().liveDatanodes();
                if (live >= expected && !node.isInSafeMode()) {
                    return;
                }
                last = live + " of " + expected + " DataNodes live at the active NameNode " + node.rpcAddress()
                        + (node.isInSafeMode() ? ", which is still in safe mode" : "");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IOException("The cluster was not ready within " + timeout.toSeconds() + " s: " + last);
    }

    @Override
    public void close() {
        for (int i = nameNodes.size() - 1; i >= 0; i--) {
            try {
                nameNodes.get(i).close();
            } catch (RuntimeException e) {
                LOG.warn("local: stopping the NameNode at {} failed", nameNodes.get(i).rpcAddress(), e);
            }
        }
    }
}
