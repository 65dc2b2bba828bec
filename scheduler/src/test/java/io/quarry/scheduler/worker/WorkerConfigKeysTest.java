package io.quarry.scheduler.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.ConfigKeyProvider;
import io.quarry.common.conf.Configuration;
import io.quarry.common.net.HostAndPort;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;
import io.quarry.scheduler.shuffle.ShuffleConfigKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class WorkerConfigKeysTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsArePinned() {
        Configuration empty = Configuration.empty();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(empty.getDuration(WorkerConfigKeys.TASK_TIMEOUT)).isEqualTo(Duration.ofMinutes(10));
        assertThat(WorkerSettings.from(empty)).isEqualTo(new WorkerSettings(new HostAndPort("127.0.0.1", 8030),
                new HostAndPort("0.0.0.0", 13562), null, null, cores, cores, Duration.ofMillis(300),
                Duration.ofSeconds(5), Path.of(System.getProperty("java.io.tmpdir"), "quarry-" + CommonConfigKeys.currentUser(empty),
                "worker")));
    }

    @Test
    void keysMapToTheirSettings() {
        Configuration conf = Configuration.empty()
                .with(SchedulerServiceConfigKeys.ADDRESS, "master:9000")
                .with(WorkerConfigKeys.SHUFFLE_ADDRESS, "127.0.0.3:0")
                .with(WorkerConfigKeys.HOSTNAME, "node-3")
                .with(WorkerConfigKeys.RACK, "/rack-9")
                .with(WorkerConfigKeys.MAP_SLOTS, "6")
                .with(WorkerConfigKeys.REDUCE_SLOTS, "0")
                .with(WorkerConfigKeys.HEARTBEAT_INTERVAL, "1s")
                .with(WorkerConfigKeys.SCHEDULER_RETRY_MAX, "250")
                .with(WorkerConfigKeys.LOCAL_DIR, tmp.toString());
        assertThat(WorkerSettings.from(conf)).isEqualTo(new WorkerSettings(new HostAndPort("master", 9000),
                new HostAndPort("127.0.0.3", 0), "node-3", "/rack-9", 6, 0, Duration.ofSeconds(1), Duration.ofMillis(250), tmp));
        assertThat(WorkerSettings.from(conf).localDir("node-3", 4242)).isEqualTo(tmp.resolve("worker-node-3-4242"));
    }

    @Test
    void theShufflePortAndTheMapReduceLocalDirsAreUsedWhenTheWorkerKeysAreUnset() {
        Configuration conf = Configuration.empty()
                .with(ShuffleConfigKeys.PORT, "0")
                .with(MapReduceConfigKeys.LOCAL_DIRS, tmp.resolve("a") + "," + tmp.resolve("b"));
        WorkerSettings settings = WorkerSettings.from(conf);
        assertThat(settings.shuffleBind()).isEqualTo(new HostAndPort("0.0.0.0", 0));
        assertThat(settings.localBase()).isEqualTo(tmp.resolve("a"));
    }

    @Test
    void theHostIsTheConfiguredOneElseTheShuffleBindHostElseTheDataNodesName() throws Exception {
        Configuration dataNode = Configuration.empty().with(DfsConfigKeys.DATANODE_HOSTNAME, "127.0.0.7");
        assertThat(WorkerSettings.from(dataNode.with(WorkerConfigKeys.HOSTNAME, "node-1")).host(dataNode)).isEqualTo("node-1");
        Configuration bound = dataNode.with(WorkerConfigKeys.SHUFFLE_ADDRESS, "127.0.0.5:0");
        assertThat(WorkerSettings.from(bound).host(bound)).isEqualTo("127.0.0.5");
        assertThat(WorkerSettings.from(dataNode).host(dataNode)).as("a wildcard shuffle bind").isEqualTo("127.0.0.7");
        Configuration dataNodeBind = Configuration.empty().with(DfsConfigKeys.DATANODE_ADDRESS, "127.0.0.8:9866");
        assertThat(WorkerSettings.from(dataNodeBind).host(dataNodeBind)).isEqualTo("127.0.0.8");
        Configuration nothing = Configuration.empty();
        assertThat(WorkerSettings.from(nothing).host(nothing)).isEqualTo(java.net.InetAddress.getLocalHost().getHostName());
    }

    @Test
    void theRackIsTheConfiguredOneElseTheTopologyTablesElseTheDefault() throws Exception {
        Path table = Files.writeString(tmp.resolve("topology"), "# host rack\n127.0.0.5 /rack-a\nnode-2   /rack-b\n");
        Configuration conf = Configuration.empty().with(DfsConfigKeys.TOPOLOGY_TABLE, table.toString());
        WorkerSettings settings = WorkerSettings.from(conf);
        assertThat(settings.rack(conf, "127.0.0.5")).isEqualTo("/rack-a");
        assertThat(settings.rack(conf, "node-3")).isEqualTo("/default-rack");
        assertThat(WorkerSettings.from(conf.with(WorkerConfigKeys.RACK, "/rack-z")).rack(conf, "127.0.0.5")).isEqualTo("/rack-z");
        assertThat(settings.rack(Configuration.empty(), "127.0.0.5")).isEqualTo("/default-rack");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> WorkerSettings.from(Configuration.empty().with(WorkerConfigKeys.MAP_SLOTS, "-3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WorkerConfigKeys.MAP_SLOTS.name());
        assertThatThrownBy(() -> WorkerSettings.from(Configuration.empty().with(WorkerConfigKeys.HEARTBEAT_INTERVAL, "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WorkerConfigKeys.HEARTBEAT_INTERVAL.name());
        assertThatThrownBy(() -> WorkerSettings.from(Configuration.empty().with(WorkerConfigKeys.SHUFFLE_ADDRESS, "nohost")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WorkerConfigKeys.SHUFFLE_ADDRESS.name());
        assertThatThrownBy(() -> WorkerSettings.from(Configuration.empty().with(WorkerConfigKeys.MAP_SLOTS, "0")
                .with(WorkerConfigKeys.REDUCE_SLOTS, "0")))
                .hasMessageContaining("no map and no reduce slots");
    }

    @Test
    void keysAreRegisteredAsAProvider() {
        assertThat(ServiceLoader.load(ConfigKeyProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(WorkerConfigKeys.class);
        assertThat(new WorkerConfigKeys().keys()).contains(WorkerConfigKeys.HOSTNAME, WorkerConfigKeys.RACK,
                WorkerConfigKeys.SHUFFLE_ADDRESS, WorkerConfigKeys.MAP_SLOTS, WorkerConfigKeys.REDUCE_SLOTS,
                WorkerConfigKeys.HEARTBEAT_INTERVAL, WorkerConfigKeys.SCHEDULER_RETRY_MAX, WorkerConfigKeys.LOCAL_DIR);
    }
}
