package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the container cluster's hosts are configured with, with and without HA; no Docker needed. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ClusterSettingsTest {
    private static final List<String> DATANODES = List.of("dn1", "dn2");

    @Test
    void singleNameNodeClusterNamesTheNameNodeHostAndNoQuorum() {
        ClusterSettings settings = new ClusterSettings(Map.of(), DATANODES, List.of());

        assertThat(settings.nameNodeHosts()).containsExactly("namenode");
        assertThat(settings.values()).containsEntry("fs.defaultFS", "qfs://namenode:8020")
                .doesNotContainKey("ha.zookeeper.quorum").doesNotContainKey("dfs.namenode.ha.rpc-addresses");
        assertThat(settings.siteProperties("namenode")).isEqualTo(settings.siteProperties());
    }

    @Test
    void haClusterJournalsToTheZooKeeperHostAndEachNameNodeServesOnItsOwnAddress() {
        ClusterSettings settings = new ClusterSettings(Map.of(), DATANODES, List.of(), true);

        assertThat(settings.nameNodeHosts()).containsExactly("nn1", "nn2");
        assertThat(settings.values()).containsEntry("ha.zookeeper.quorum", "zookeeper:2181")
                .containsEntry("quarry.ha.cluster-id", "containers").containsEntry("fs.defaultFS", "qfs://containers")
                .containsEntry("dfs.namenode.ha.rpc-addresses", "nn1:8020,nn2:8020")
                .containsEntry("ha.zookeeper.session-timeout.ms", "3s").doesNotContainKey("dfs.namenode.rpc-bind-host");
        assertThat(settings.siteProperties("nn1")).contains("dfs.namenode.rpc-address=nn1:8020\n");
        assertThat(settings.siteProperties("nn2")).contains("dfs.namenode.rpc-address=nn2:8020\n")
                .doesNotContain("dfs.namenode.rpc-address=nn1:8020\n");
    }

    @Test
    void builderOverridesWinOverTheHaDefaults() {
        ClusterSettings settings = new ClusterSettings(Map.of("ha.zookeeper.session-timeout.ms", "2s"), DATANODES, List.of(), true);

        assertThat(settings.values()).containsEntry("ha.zookeeper.session-timeout.ms", "2s");
    }
}
