package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.testing.Seeds;
import io.quarry.minicluster.scenario.QfsScenarios;

/** One NameNode and four DataNodes on four hosts in two racks: the basics hold across real hosts. */
@Tag("container")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterBasicsContainerTest {
    private static ContainerQfsCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ContainerQfsCluster.builder().numDataNodes(4).racks("/r1", "/r1", "/r2", "/r2").build();
    }

    @AfterAll
    static void removeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyNodeIsAHostOfItsOwnThatTheNameNodeKnowsByName() throws Exception {
        Set<String> hostNames = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < cluster.numDataNodes(); i++) {
            ContainerNode node = cluster.dataNode(i);
            hostNames.add(node.execChecked("hostname").strip());
            addresses.add(node.execChecked("hostname", "-i").strip());
        }
        assertThat(hostNames).containsExactlyInAnyOrder("dn1", "dn2", "dn3", "dn4");
        assertThat(addresses).hasSize(4);
        assertThat(cluster.client().liveDataNodes()).containsExactlyInAnyOrder("dn1", "dn2", "dn3", "dn4");
        assertThat(cluster.client().quarryChecked("dfsadmin", "-report")).contains("Rack: /r1", "Rack: /r2");
    }

    @Test
    void multiBlockFilesRoundTripOnRackAwareReplicas() throws Exception {
        QfsScenarios.multiBlockFilesRoundTripOnRackAwareReplicas(cluster, 1024 * 1024,
                Seeds.seed("ClusterBasicsContainerTest.multiBlockFilesRoundTripOnRackAwareReplicas"));
    }
}
