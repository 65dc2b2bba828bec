package io.quarry.minicluster.ha;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;

/** Real ZooKeeper servers for HA tests, with a short tick so sessions may be as short as a second. */
final class ZooKeeperServers {
    static final int TICK_MILLIS = 200;

    private ZooKeeperServers() {
    }

    static TestingServer single(Path dir) throws Exception {
        return new TestingServer(spec(dir.resolve("zk").toFile(), -1), true);
    }

    static TestingCluster ensemble(Path dir, int servers) throws Exception {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            specs.add(spec(dir.resolve("zk-" + i).toFile(), i));
        }
        TestingCluster cluster = new TestingCluster(specs);
        cluster.start();
        return cluster;
    }

    private static InstanceSpec spec(File dataDir, int serverId) {
        dataDir.mkdirs();
        return new InstanceSpec(dataDir, -1, -1, -1, true, serverId, TICK_MILLIS, -1);
    }
}
