package io.quarry.minicluster.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RetryPolicy;
import io.quarry.common.rpc.RpcClient;
import io.quarry.dfs.protocol.ServerDefaults;
import io.quarry.dfs.protocol.client.GetServerDefaults;

/**
 * Two NameNodes of an HA pair, each in its own JVM on 127.0.0.1 with its own name directory,
 * sharing a ZooKeeper quorum: for tests and benchmarks that freeze (SIGSTOP) or kill (SIGKILL) a
 * NameNode for real. Clients use {@link #clientConf()} ({@code qfs://<cluster id>}).
 */
public final class HaNameNodes implements AutoCloseable {
    public static final int COUNT = 2;
    private static final Duration START = Duration.ofSeconds(90);

    private final Path dir;
    private final Map<String, String> common;
    private final int[] ports = new int[COUNT];
    private final DaemonProcess[] processes = new DaemonProcess[COUNT];
    private final int[] starts = new int[COUNT];
    private final RpcClient probe;
    private final String clusterId;

    private HaNameNodes(Path dir, Map<String, String> common, String clusterId) {
        this.dir = requireNonNull(dir, "dir is null");
        this.common = Map.copyOf(common);
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.probe = new RpcClient("ha-probe", Configuration.of(Map.of("quarry.rpc.connect-timeout", "1s")));
    }

    /**
     * Starts both NameNodes.
     *
     * @param extra further settings for the NameNodes and clients (e.g. {@code ha.zookeeper.session-timeout.ms})
     */
    public static HaNameNodes start(Path dir, String quorum, String clusterId, Map<String, String> extra) throws IOException {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("ha.zookeeper.quorum", quorum);
        common.put("quarry.ha.cluster-id", clusterId);
        common.put("dfs.namenode.safemode.extension", "0");
        common.putAll(extra);
        HaNameNodes pair = new HaNameNodes(dir, common, clusterId);
        try {
            for (int i = 0; i < COUNT; i++) {
                pair.ports[i] = freePort();
            }
            for (int i = 0; i < COUNT; i++) {
                pair.startNameNode(i);
            }
            return pair;
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private void startNameNode(int index) throws IOException {
        Map<String, String> conf = new LinkedHashMap<>(common);
        conf.put("dfs.namenode.rpc-address", address(index).toString());
        conf.put("dfs.namenode.http-address", "127.0.0.1:0");
        conf.put("dfs.namenode.name.dir", dir.resolve("namenode-" + index).toString());
        starts[index]++;
        processes[index] = DaemonProcess.start("namenode-" + index, "io.quarry.dfs.namenode.NameNode", conf,
                dir.resolve("logs").resolve("namenode-" + index + "-" + starts[index] + ".log"), START);
    }

    public HostAndPort address(int index) {
        return new HostAndPort("127.0.0.1", ports[index]);
    }

    /** Every NameNode's address, as DataNodes take it ({@code dfs.namenode.ha.rpc-addresses}). */
    public String addresses() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            all.add(address(i).toString());
        }
        return String.join(",", all);
    }

    public DaemonProcess process(int index) {
        DaemonProcess process = processes[index];
        if (process == null) {
            throw new IllegalStateException("NameNode " + index + " is not running");
        }
        return process;
    }

    /** The settings a client (or DataNode) of this pair needs. */
    public Map<String, String> clientConf() {
        Map<String, String> conf = new LinkedHashMap<>(common);
        conf.put("fs.defaultFS", "qfs://" + clusterId);
        conf.put("dfs.namenode.ha.rpc-addresses", addresses());
        return conf;
    }

    /** True when the NameNode answers a client call (a standby refuses it). */
    public boolean serves(int index) {
        try {
            probe.call(address(index), new GetServerDefaults(), ServerDefaults.class, Duration.ofSeconds(1), RetryPolicy.none());
            return true;
        } catch (QuarryException e) {
            return false;
        }
    }

    /** Waits until one NameNode serves clients; returns its index. */
    public int awaitActive(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < COUNT; i++) {
                if (processes[i] != null && processes[i].isAlive() && serves(i)) {
                    return i;
                }
            }
            Thread.sleep(20);
        }
        throw new IOException("No NameNode of the pair became active within " + timeout.toMillis() + " ms; logs in "
                + dir.resolve("logs"));
    }

    /** SIGKILL. */
    public void kill(int index) throws InterruptedException {
        DaemonProcess process = processes[index];
        processes[index] = null;
        if (process != null) {
            process.kill();
        }
    }

    /** Starts a killed NameNode again on its port and directory; it comes back as a standby. */
    public void restart(int index) throws IOException, InterruptedException {
        kill(index);
        startNameNode(index);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        probe.close();
        for (int i = 0; i < COUNT; i++) {
            DaemonProcess process = processes[i];
            processes[i] = null;
            if (process != null) {
                try {
                    process.thaw();
                    process.close();
                } catch (IOException | InterruptedException e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    process.destroyQuietly();
                }
            }
        }
    }
}
