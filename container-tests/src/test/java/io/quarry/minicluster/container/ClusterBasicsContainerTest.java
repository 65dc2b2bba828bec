package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Container.ExecResult;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.minicluster.scenario.QfsScenarios;

/**
 * One NameNode and four DataNodes on four hosts in two racks: the basics hold across real hosts, and
 * then (last, as it leaves a DataNode dead) a DataNode host killed in the middle of a write: the
 * write completes, exact, and replication is restored.
 */
@Tag("container")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBasicsContainerTest {
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
    @Order(1)
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
    @Order(2)
    void multiBlockFilesRoundTripOnRackAwareReplicas() throws Exception {
        QfsScenarios.multiBlockFilesRoundTripOnRackAwareReplicas(cluster, 1024 * 1024,
                Seeds.seed("ClusterBasicsContainerTest.multiBlockFilesRoundTripOnRackAwareReplicas"));
    }

    @Test
    @Order(3)
    void writeCompletesExactlyAndReplicationIsRestoredWhenAPipelineDataNodeIsKilled() throws Exception {
        long seed = Seeds.seed("writeCompletesExactlyAndReplicationIsRestoredWhenAPipelineDataNodeIsKilled");
        byte[] data = new byte[8 * MIB + 4321];
        new Random(seed).nextBytes(data);
        ContainerQfsClient client = cluster.client();
        ContainerNode clientHost = client.host();
        clientHost.copyTo(data, "/tmp/input");

        // The writer sends the first 3.5 MiB, then waits for /tmp/go before the rest: block 4 is open
        // in a pipeline while the test kills one of the pipeline's DataNodes.
        int firstPart = 3 * MIB + MIB / 2;
        String writer = "{ head -c " + firstPart + " /tmp/input; while [ ! -e /tmp/go ]; do sleep 0.1; done; "
                + "tail -c +" + (firstPart + 1) + " /tmp/input; } | quarry dfs -put - /midwrite/file";
        CompletableFuture<ExecResult> write = CompletableFuture.supplyAsync(() -> {
            try {
                return clientHost.exec("sh", "-c", writer);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        int[] victim = {-1};
        Await.untilNoException("a DataNode with a replica being written", Duration.ofSeconds(60), () -> {
            for (int i = 0; i < cluster.numDataNodes(); i++) {
                String beingWritten = cluster.dataNode(i).execChecked("ls", "/data/dn/current/rbw");
                if (beingWritten.contains("blk_")) {
                    victim[0] = i;
                    return;
                }
            }
            throw new AssertionError("no DataNode has a replica being written yet");
        });
        String victimHost = cluster.dataNodeHost(victim[0]);
        cluster.killDataNode(victim[0]);
        assertThat(write).as("the write is still waiting for its second part when %s is killed", victimHost).isNotDone();
        clientHost.execChecked("touch", "/tmp/go");

        ExecResult result = write.get(120, TimeUnit.SECONDS);
        assertThat(result.getExitCode()).as("quarry dfs -put exit code; stderr: %s", result.getStderr()).isZero();
        assertThat(client.read("/midwrite/file")).as("bytes read back (seed %s)", seed).isEqualTo(data);
        assertThat(client.healthy("/midwrite")).as("fsck /midwrite").isTrue();
        QfsScenarios.awaitReplicas(client, "/midwrite/file", 3, victimHost, Duration.ofSeconds(90));
        // The survivors may restore every replica before the NameNode's dead-node timeout runs out
        // (the victim's blocks can all be ones the client's pipeline recovery already replaced).
        Await.untilNoException(victimHost + " declared dead", Duration.ofSeconds(60),
                () -> assertThat(client.deadDataNodes()).containsExactly(victimHost));
    }
}
