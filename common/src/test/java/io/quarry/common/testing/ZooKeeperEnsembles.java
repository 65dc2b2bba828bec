package io.quarry.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.test.FailedServerStartException;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * Starts real multi-server ZooKeeper ensembles (curator-test) whose client, quorum and election
 * ports are all distinct. Curator picks each port on its own, so two of them can come out equal
 * and the ensemble refuses to start ("Client and election port must be different"); here every
 * port of an attempt is held open while the next is chosen, and an attempt that still loses a
 * port to another process is retried with fresh ports.
 */
public final class ZooKeeperEnsembles {
    private static final int ATTEMPTS = 3;

    private ZooKeeperEnsembles() {
    }

    /**
     * A started ensemble of {@code servers} servers keeping their data under {@code dir}.
     *
     * @param tickMillis ZooKeeper's tick, or -1 for curator's default; sessions may be as short as two ticks
     */
    public static TestingCluster start(File dir, int servers, int tickMillis) throws Exception {
        FailedServerStartException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            TestingCluster cluster = new TestingCluster(specs(new File(dir, "attempt-" + attempt), servers, tickMillis));
            try {
                cluster.start();
                return cluster;
            } catch (FailedServerStartException e) {
                last = e;
                cluster.close();
            }
        }
        throw last;
    }

    private static List<InstanceSpec> specs(File dir, int servers, int tickMillis) throws IOException {
        int[] ports = distinctFreePorts(servers * 3);
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            File dataDir = new File(dir, "zk-" + (i + 1));
            if (!dataDir.mkdirs() && !dataDir.isDirectory()) {
                throw new IOException("Cannot create ZooKeeper data directory " + dataDir);
            }
            specs.add(new InstanceSpec(dataDir, ports[3 * i], ports[3 * i + 1], ports[3 * i + 2], true, i + 1,
                    tickMillis, -1));
        }
        return specs;
    }

    private static int[] distinctFreePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
