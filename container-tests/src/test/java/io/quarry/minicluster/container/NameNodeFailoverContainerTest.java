package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Container.ExecResult;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;

/**
 * NameNode HA on separate hosts: the active NameNode frozen with {@code docker pause} past its
 * ZooKeeper session (3 s) is replaced by the standby, clients following {@code qfs://containers}
 * go on writing, and when the frozen one is thawed it is fenced: it reports standby, refuses a
 * write sent straight to it, and nothing acknowledged is lost.
 */
@Tag("container")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class NameNodeFailoverContainerTest {
    private static final int KIB = 1024;
    private static final Duration TAKEOVER = Duration.ofSeconds(45);
    private static ContainerQfsCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ContainerQfsCluster.builder().ha(true).numDataNodes(3).build();
    }

    @AfterAll
    static void removeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void frozenActiveIsReplacedAndFencedWhenThawed() throws Exception {
        ContainerQfsClient client = cluster.client();
        Random random = new Random(Seeds.seed("frozenActiveIsReplacedAndFencedWhenThawed"));
        Map<String, byte[]> acknowledged = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            write(client, random, "/ha/before-" + i, acknowledged);
        }
        ContainerNode frozen = activeNameNode();
        ContainerNode other = cluster.nameNodes().stream().filter(node -> node != frozen).findFirst().orElseThrow();

        frozen.pause();
        try {
            Await.untilNoException(other.host() + " to take over from the frozen " + frozen.host(), TAKEOVER,
                    () -> assertThat(serviceStates()).containsEntry(rpcAddress(other), "active"));
            for (int i = 0; i < 2; i++) {
                write(client, random, "/ha/after-" + i, acknowledged);
            }
            for (Map.Entry<String, byte[]> file : acknowledged.entrySet()) {
                assertThat(client.read(file.getKey())).as("%s read while %s is frozen", file.getKey(), frozen.host())
                        .isEqualTo(file.getValue());
            }
        } finally {
            frozen.unpause();
        }

        ExecResult justThawed = writeStraightTo(frozen, "/ha/fenced-at-thaw");
        assertThat(justThawed.getExitCode()).as("a write sent to %s just thawed; stdout: %s", frozen.host(), justThawed.getStdout())
                .isNotZero();
        Await.untilNoException(frozen.host() + " to rejoin as standby", TAKEOVER,
                () -> assertThat(serviceStates()).containsEntry(rpcAddress(frozen), "standby")
                        .containsEntry(rpcAddress(other), "active"));
        ExecResult asStandby = writeStraightTo(frozen, "/ha/fenced-as-standby");
        assertThat(asStandby.getExitCode()).as("a write sent to the standby %s", frozen.host()).isNotZero();
        assertThat(asStandby.getStderr()).as("why %s refused the write", frozen.host()).containsIgnoringCase("standby");

        write(client, random, "/ha/after-thaw", acknowledged);
        assertThat(client.exists("/ha/fenced-at-thaw")).as("the write sent to the thawed NameNode").isFalse();
        assertThat(client.exists("/ha/fenced-as-standby")).as("the write sent to the standby").isFalse();
        for (Map.Entry<String, byte[]> file : acknowledged.entrySet()) {
            byte[] read;
            try {
                read = client.read(file.getKey());
            } catch (IOException e) {
                throw new AssertionError("reading " + file.getKey() + " after the failover failed; fsck: "
                        + client.quarry("fsck", file.getKey(), "-files", "-blocks", "-locations").getStdout()
                        + "\nthe active " + other.host() + " logged:\n" + other.logTail(80), e);
            }
            assertThat(read).as("%s after the failover", file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(client.healthy("/ha")).as("fsck /ha after the failover").isTrue();
    }

    /** Writes a file of 1.5 MiB (two blocks) through the HA client and records it once acknowledged. */
    private static void write(ContainerQfsClient client, Random random, String path, Map<String, byte[]> acknowledged)
            throws IOException {
        byte[] data = new byte[1536 * KIB];
        random.nextBytes(data);
        client.write(path, data);
        acknowledged.put(path, data);
    }

    /** The NameNode hosts' states as {@code quarry haadmin -getServiceState namenode} prints them: address to state. */
    private static Map<String, String> serviceStates() throws IOException {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : cluster.client().quarryChecked("haadmin", "-getServiceState", "namenode").lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2) {
                states.put(fields[0], fields[1]);
            }
        }
        return states;
    }

    private static ContainerNode activeNameNode() throws IOException {
        Map<String, String> states = serviceStates();
        return cluster.nameNodes().stream().filter(node -> "active".equals(states.get(rpcAddress(node)))).findFirst()
                .orElseThrow(() -> new AssertionError("no NameNode is active: " + states));
    }

    /** The address a NameNode publishes in ZooKeeper (and haadmin prints): the one it is bound to. */
    private static String rpcAddress(ContainerNode nameNode) {
        return nameNode.address() + ":" + ClusterSettings.NAMENODE_PORT;
    }

    /** A mkdir sent to one NameNode by address, with the quorum cleared so the client cannot look for the active. */
    private static ExecResult writeStraightTo(ContainerNode nameNode, String path) throws IOException {
        String address = nameNode.host() + ":" + ClusterSettings.NAMENODE_PORT;
        return cluster.client().quarry("-Dha.zookeeper.quorum=", "-Dfs.defaultFS=qfs://" + address,
                "-Ddfs.namenode.rpc-address=" + address, "-Dquarry.rpc.retry.max-attempts=2", "dfs", "-mkdir", "-p", path);
    }
}
