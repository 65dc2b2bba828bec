package io.quarry.minicluster.ha;

import java.io.File;
import java.nio.file.Path;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;

import io.quarry.common.testing.ZooKeeperEnsembles;

/** Real ZooKeeper servers for HA tests, with a short tick so sessions may be as short as a second. */
final class ZooKeeperServers {
    static final int TICK_MILLIS = 200;

    private ZooKeeperServers() {
    }

    static TestingServer single(Path dir) throws Exception {
        return new TestingServer(spec(dir.resolve("zk").toFile(), -1), true);
    }

    static TestingCluster ensemble(Path dir, int servers) throws Exception {
        return ZooKeeperEnsembles.start(dir.toFile(), servers, TICK_MILLIS);
    }

    private static InstanceSpec spec(File dataDir, int serverId) {
        dataDir.mkdirs();
        return new InstanceSpec(dataDir, -1, -1, -1, true, serverId, TICK_MILLIS, -1);
    }
}
