package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** Freezing and thawing a host, and filling its disk, on four DataNode hosts with small (64 MiB) data disks. */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NodeFaultsContainerTest {
    private static final int MIB = 1024 * 1024;
    private static ContainerQfsCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ContainerQfsCluster.builder().numDataNodes(4).dataDiskSize("64m").build();
    }

    @AfterAll
    static void removeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void frozenDataNodeIsDeclaredDeadAndLiveAgainWhenThawed() throws Exception {
        ContainerQfsClient client = cluster.client();
        ContainerNode node = cluster.dataNode(3);
        node.pause();
        try {
            Await.untilNoException("dn4 declared dead while frozen", Duration.ofSeconds(60),
                    () -> assertThat(client.deadDataNodes()).contains("dn4"));
        } finally {
            node.unpause();
        }
        Await.untilNoException("dn4 live again after the thaw", Duration.ofSeconds(60),
                () -> assertThat(client.liveDataNodes()).contains("dn4"));
    }

    @Test
    void noReplicaIsPlacedOnADataNodeWhoseDiskIsFull() throws Exception {
        ContainerQfsClient client = cluster.client();
        ContainerNode full = cluster.dataNode(0);
        full.fillDisk();
        try {
            Await.untilNoException("the NameNode to see dn1 full", Duration.ofSeconds(30),
                    () -> assertThat(remainingBytes(client.quarryChecked("dfsadmin", "-report"), "dn1")).isLessThan(MIB));
            byte[] data = new byte[4 * MIB + 99];
            new Random(Seeds.seed("noReplicaIsPlacedOnADataNodeWhoseDiskIsFull")).nextBytes(data);
            client.write("/full/file", data);

            for (BlockReplicas block : client.blocks("/full/file")) {
                assertThat(block.hosts()).as("replicas of %s", block.block()).hasSize(3).doesNotContain("dn1");
            }
            assertThat(client.read("/full/file")).isEqualTo(data);
        } finally {
            full.freeDisk();
        }
    }

    /** "DFS Remaining" of one DataNode in dfsadmin -report. */
    private static long remainingBytes(String report, String host) {
        String section = report.substring(report.indexOf("Hostname: " + host));
        int at = section.indexOf("DFS Remaining: ");
        String value = section.substring(at + "DFS Remaining: ".length()).split("[ \n]")[0];
        return Long.parseLong(value);
    }
}
