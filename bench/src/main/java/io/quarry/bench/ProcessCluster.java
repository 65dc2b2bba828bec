package io.quarry.bench;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.minicluster.process.DaemonProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of daemons in separate JVMs on this machine, deployed as on real hosts: the NameNode
 * and the Scheduler on 127.0.0.1, and node i (a DataNode and a Worker) on 127.0.0.(i+2).
 */
final class ProcessCluster implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(90);

    private final List<DaemonProcess> daemons = new ArrayList<>();
    private final Map<String, String> clientConf;

    private ProcessCluster(Map<String, String> clientConf) {
        this.clientConf = clientConf;
    }

    /**
     * Starts {@code nodes} nodes with {@code mapSlots} map and 1 reduce slot each; every daemon runs
     * with {@code jvmOptions} and logs under {@code dir/logs}.
     */
    static ProcessCluster start(Path dir, int nodes, int mapSlots, List<String> jvmOptions) throws IOException {
        int port = freePort();
        Map<String, String> common = new LinkedHashMap<>();
        common.put("fs.defaultFS", "qfs://127.0.0.1:" + port);
        common.put("dfs.namenode.rpc-address", "127.0.0.1:" + port);
        common.put("dfs.namenode.safemode.extension", "0");
        common.put("dfs.replication", Integer.toString(Math.min(3, nodes)));
        ProcessCluster cluster = new ProcessCluster(new LinkedHashMap<>(common));
        try {
            Map<String, String> nameNode = new LinkedHashMap<>(common);
            nameNode.put("dfs.namenode.name.dir", dir.resolve("name").toString());
            nameNode.put("dfs.namenode.http-address", "127.0.0.1:0");
            cluster.start(dir, "namenode", "io.quarry.dfs.namenode.NameNode", jvmOptions, nameNode);
            Map<String, String> scheduler = new LinkedHashMap<>(common);
            scheduler.put("quarry.scheduler.address", "127.0.0.1:0");
            String schedulerAddress = cluster.start(dir, "scheduler", "io.quarry.scheduler.service.SchedulerDaemon", jvmOptions,
                    scheduler).address("rpc").toString();
            for (int i = 0; i < nodes; i++) {
                String host = "127.0.0." + (i + 2);
                Map<String, String> dataNode = new LinkedHashMap<>(common);
                dataNode.put("dfs.datanode.data.dir", dir.resolve("data-" + i).toString());
                dataNode.put("dfs.datanode.address", host + ":0");
                dataNode.put("dfs.datanode.http.address", host + ":0");
                dataNode.put("dfs.datanode.hostname", host);
                cluster.start(dir, "datanode-" + i, "io.quarry.dfs.datanode.DataNode", jvmOptions, dataNode);
                Map<String, String> worker = new LinkedHashMap<>(common);
                worker.put("quarry.scheduler.address", schedulerAddress);
                worker.put("quarry.worker.hostname", host);
                worker.put("quarry.worker.shuffle.address", host + ":0");
                worker.put("quarry.worker.local.dir", dir.resolve("worker-" + i).toString());
                worker.put("mapreduce.tasktracker.map.tasks.maximum", Integer.toString(mapSlots));
                worker.put("mapreduce.tasktracker.reduce.tasks.maximum", "1");
                cluster.start(dir, "worker-" + i, "io.quarry.scheduler.worker.WorkerDaemon", jvmOptions, worker);
            }
            cluster.clientConf.put("mapreduce.framework.name", "cluster");
            cluster.clientConf.put("quarry.scheduler.address", schedulerAddress);
            cluster.awaitDataNodes(nodes);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** What a client needs to use this cluster: the default filesystem, the Scheduler, the framework. */
    Map<String, String> clientConf() {
        return Map.copyOf(clientConf);
    }

    private DaemonProcess start(Path dir, String name, String mainClass, List<String> jvmOptions, Map<String, String> conf)
            throws IOException {
        DaemonProcess daemon = DaemonProcess.start(name, mainClass, jvmOptions, conf, List.of(), dir.resolve("logs/" + name + ".log"),
                START);
        daemons.add(daemon);
        return daemon;
    }

    private void awaitDataNodes(int nodes) throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        try (QfsFileSystem fs = (QfsFileSystem) FileSystem.get(Configuration.of(clientConf))) {
            while (liveDataNodes(fs) < nodes) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("fewer than " + nodes + " live DataNodes after " + START.toSeconds() + " s");
                }
                try {
                    Thread.sleep(50); // polling the NameNode's report with a deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for DataNodes", e);
                }
            }
        }
    }

    private static long liveDataNodes(QfsFileSystem fs) {
        try {
            DatanodeReport report = fs.callNameNode(new GetDatanodeReport(), DatanodeReport.class);
            return report.datanodes().stream().filter(node -> node.state() == DatanodeState.LIVE).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            try {
                daemons.get(i).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
