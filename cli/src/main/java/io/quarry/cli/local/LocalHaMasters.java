package io.quarry.cli.local;

import java.io.IOException;

import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.common.ha.StandaloneZooKeeper;
import io.quarry.common.lifecycle.Daemon;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.scheduler.service.SchedulerDaemon;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * What {@code quarry local start --ha} adds to the local cluster: an embedded ZooKeeper server
 * (data under the cluster's directory) that both NameNodes journal to and both Schedulers elect
 * through, and a second Scheduler, so that failover can be tried on one machine
 * ({@code quarry haadmin -failover namenode|scheduler}). The second NameNode is started by
 * {@link LocalNameNodes}.
 */
final class LocalHaMasters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHaMasters.class);
    static final String CLUSTER_ID = "local";

    private final StandaloneZooKeeper zooKeeper;
    private SchedulerDaemon standbyScheduler;

    private LocalHaMasters(StandaloneZooKeeper zooKeeper) {
        this.zooKeeper = requireNonNull(zooKeeper, "zooKeeper is null");
    }

    /** Starts the embedded ZooKeeper on 127.0.0.1 ({@code quarry.zookeeper.client.port} if set, else a free port). */
    static LocalHaMasters start(Configuration conf, LocalDirs dirs) throws IOException, InterruptedException {
        Configuration zk = conf.with(HaConfigKeys.ZOOKEEPER_BIND_HOST, "127.0.0.1")
                .with(HaConfigKeys.ZOOKEEPER_DATA_DIR, dirs.base().resolve("zookeeper").toString());
        if (!conf.isSet(HaConfigKeys.ZOOKEEPER_CLIENT_PORT)) {
            zk = zk.with(HaConfigKeys.ZOOKEEPER_CLIENT_PORT, "0");
        }
        return new LocalHaMasters(StandaloneZooKeeper.start(zk));
    }

    /** The ZooKeeper connect string of the embedded server. */
    String quorum() {
        return zooKeeper.clientAddress().toString();
    }

    /**
     * The configuration of the HA masters and their clients: the embedded quorum, cluster id
     * {@code local} unless set, and fs.defaultFS {@code qfs://<cluster id>} so that the Schedulers,
     * the Worker and its tasks follow the active NameNode.
     */
    Configuration haConf(Configuration conf) {
        Configuration out = conf.with(HaConfigKeys.QUORUM, quorum());
        if (!conf.isSet(HaConfigKeys.CLUSTER_ID)) {
            out = out.with(HaConfigKeys.CLUSTER_ID, CLUSTER_ID);
        }
        return out.with(DfsConfigKeys.DEFAULT_FS, "qfs://" + out.getString(HaConfigKeys.CLUSTER_ID));
    }

    /** Starts the second Scheduler on a free port of 127.0.0.1; it waits as a standby behind the first. */
    void startStandbyScheduler(Configuration haConf) throws Exception {
        standbyScheduler = SchedulerDaemon.start(haConf.with(SchedulerServiceConfigKeys.ADDRESS, "127.0.0.1:0"));
    }

    /** The second Scheduler's address, empty before it started. */
    String standbySchedulerAddress() {
        return standbyScheduler == null ? "" : standbyScheduler.server().address().toString();
    }

    /** Stops the second Scheduler, then ZooKeeper (after every other daemon of the cluster). */
    @Override
    public void close() {
        closeQuietly(standbyScheduler);
        closeQuietly(zooKeeper);
    }

    private static void closeQuietly(Daemon daemon) {
        if (daemon == null) {
            return;
        }
        try {
            daemon.close();
        } catch (RuntimeException e) {
            LOG.warn("local: stopping {} failed", daemon.role(), e);
        }
    }
}
