package io.quarry.cli.local;

import java.io.IOException;
import java.util.Optional;

import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

/**
 * Points client commands at a running local cluster the way the default fs.defaultFS already
 * points {@code quarry dfs} at its NameNode: when the local cluster in the default directory runs
 * and fs.defaultFS names its NameNode, jobs go to its Scheduler (mapreduce.framework.name=cluster,
 * quarry.scheduler.address from {@code local.properties}). Settings the user made win. A cluster
 * started with {@code --ha} is reached through its embedded ZooKeeper: fs.defaultFS becomes
 * {@code qfs://<cluster id>} (the active NameNode, whichever it is) and haadmin, jobs and
 * dfsadmin/fsck find the active masters there.
 */
public final class LocalClientConf {
    private LocalClientConf() {
    }

    public static Configuration apply(Configuration conf) throws IOException {
        Optional<LocalState> running = runningState(LocalDirs.defaults(conf));
        if (running.isEmpty() || !names(running.get(), conf)) {
            return conf;
        }
        Configuration out = conf;
        if (!conf.isSet(MapReduceConfigKeys.FRAMEWORK_NAME)) {
            out = out.with(MapReduceConfigKeys.FRAMEWORK_NAME, "cluster");
        }
        if (!conf.isSet(SchedulerServiceConfigKeys.ADDRESS)) {
            out = out.with(SchedulerServiceConfigKeys.ADDRESS, running.get().scheduler());
        }
        if (running.get().highlyAvailable() && !conf.isSet(HaConfigKeys.QUORUM)) {
            // Started with --ha: jobs and haadmin find the active Scheduler through the embedded ZooKeeper.
            out = out.with(HaConfigKeys.QUORUM, running.get().zooKeeper());
            if (!conf.isSet(HaConfigKeys.CLUSTER_ID)) {
                out = out.with(HaConfigKeys.CLUSTER_ID, LocalHaMasters.CLUSTER_ID);
            }
            if (!running.get().secondNameNode().isEmpty()) {
                out = out.with(DfsConfigKeys.DEFAULT_FS, "qfs://" + out.getString(HaConfigKeys.CLUSTER_ID));
            }
        }
        return out;
    }

    /** Whether fs.defaultFS names the running cluster: its first NameNode, or with --ha its HA name. */
    private static boolean names(LocalState state, Configuration conf) {
        String defaultFs = conf.getString(DfsConfigKeys.DEFAULT_FS);
        if (state.nameNodeUri().equals(defaultFs)) {
            return true;
        }
        String clusterId = conf.isSet(HaConfigKeys.CLUSTER_ID) ? conf.getString(HaConfigKeys.CLUSTER_ID) : LocalHaMasters.CLUSTER_ID;
        return !state.secondNameNode().isEmpty() && ("qfs://" + clusterId).equals(defaultFs);
    }

    private static Optional<LocalState> runningState(LocalDirs dirs) throws IOException {
        LocalState state = LocalState.read(dirs.stateFile());
        if (state == null || new LocalProcess(dirs).running().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(state);
    }
}
