package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.minicluster.BlockReplicas;
import io.quarry.minicluster.scenario.QfsScenarios;

/**
 * A DataNode host cut off the network: the NameNode declares it dead and re-replicates its blocks;
 * when it comes back, the excess replicas are deleted and nothing is lost.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DataNodeCutOffContainerTest {
    private static final int MIB = 1024 * 1024;
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
    void cutOffDataNodeIsDeclaredDeadReReplicatedAndTrimmedWhenItReturns() throws Exception {
        long seed = Seeds.seed("cutOffDataNodeIsDeclaredDeadReReplicatedAndTrimmedWhenItReturns");
        byte[] data = new byte[5 * MIB + 777];
        new Random(seed).nextBytes(data);
        ContainerQfsClient client = cluster.client();
        client.write("/cutoff/file", data);
        List<BlockReplicas> blocks = client.blocks("/cutoff/file");
        assertThat(blocks).hasSize(6);
        int victim = indexOf(blocks.get(0).hosts().get(0));
        String victimHost = cluster.dataNodeHost(victim);
        ContainerNode node = cluster.dataNode(victim);
        int victimReplicas = DataDirs.finalizedReplicas(node);
        assertThat(victimReplicas).as("replicas on %s", victimHost).isPositive();

        node.disconnect();
        Await.untilNoException(victimHost + " declared dead", Duration.ofSeconds(60),
                () -> assertThat(client.deadDataNodes()).containsExactly(victimHost));
        QfsScenarios.awaitReplicas(client, "/cutoff/file", 3, victimHost, Duration.ofSeconds(90));
        assertThat(DataDirs.finalizedReplicas(node)).as("replicas kept on the cut-off %s", victimHost).isEqualTo(victimReplicas);

        node.reconnect();
        Await.untilNoException(victimHost + " live again", Duration.ofSeconds(60),
                () -> assertThat(client.liveDataNodes()).contains(victimHost));
        Await.untilNoException("excess replicas deleted: 3 on disk per block", Duration.ofSeconds(90), () -> {
            int onDisk = 0;
            for (int i = 0; i < cluster.numDataNodes(); i++) {
                onDisk += DataDirs.finalizedReplicas(cluster.dataNode(i));
            }
            assertThat(onDisk).as("replica files on all DataNodes").isEqualTo(3 * blocks.size());
            for (BlockReplicas block : client.blocks("/cutoff/file")) {
                assertThat(block.hosts()).as("replicas of %s", block.block()).hasSize(3).doesNotHaveDuplicates();
            }
        });
        assertThat(client.read("/cutoff/file")).as("bytes read back (seed %s)", seed).isEqualTo(data);
        assertThat(client.healthy("/cutoff")).isTrue();
    }

    private static int indexOf(String host) {
        for (int i = 0; i < cluster.numDataNodes(); i++) {
            if (cluster.dataNodeHost(i).equals(host)) {
                return i;
            }
        }
        throw new AssertionError("no DataNode " + host);
    }
}
