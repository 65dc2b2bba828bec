package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
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
 * Hosts killed (SIGKILL, nothing flushed) and started again with their disks: the NameNode under a
 * stream of creates from a client application keeps every acknowledged create; a DataNode comes
 * back with its replicas.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NodeRestartContainerTest {
    private static final int MIB = 1024 * 1024;
    private static final String STREAM_CLASS = CreateStream.class.getName().replace('.', '/') + ".class";
    private static ContainerQfsCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ContainerQfsCluster.builder().numDataNodes(3).build();
    }

    @AfterAll
    static void removeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyAcknowledgedCreateSurvivesANameNodeKill() throws Exception {
        ContainerNode clientHost = cluster.client().host();
        clientHost.copyTo(classFile(), "/tmp/stream/" + STREAM_CLASS);
        CompletableFuture<ExecResult> stream = CompletableFuture.supplyAsync(() -> {
            try {
                return clientHost.exec("sh", "-c", "java -Xmx128m -cp '/tmp/stream:/opt/quarry/lib/*' " + CreateStream.class.getName()
                        + " qfs://namenode:8020 /stream /tmp/acks /tmp/stop");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        Await.untilNoException("200 acknowledged creates", Duration.ofSeconds(60),
                () -> assertThat(acknowledged(clientHost)).hasSizeGreaterThanOrEqualTo(200));
        cluster.killNameNode();
        int ackedAtKill = acknowledged(clientHost).size();
        assertThat(stream).as("the create stream runs on while the NameNode dies").isNotDone();
        cluster.restartNameNode();
        Await.untilNoException("creates acknowledged after the restart", Duration.ofSeconds(60),
                () -> assertThat(acknowledged(clientHost)).hasSizeGreaterThan(ackedAtKill + 20));
        clientHost.execChecked("touch", "/tmp/stop");
        ExecResult result = stream.get(60, TimeUnit.SECONDS);
        assertThat(result.getExitCode()).as("create stream; stderr: %s", result.getStderr()).isZero();

        Set<Integer> acked = acknowledged(clientHost);
        Set<Integer> present = new TreeSet<>();
        for (String line : cluster.client().quarryChecked("dfs", "-ls", "/stream").lines().toList()) {
            int at = line.lastIndexOf("/stream/f-");
            if (at >= 0) {
                present.add(Integer.parseInt(line.substring(at + "/stream/f-".length()).strip()));
            }
        }
        Set<Integer> lost = new TreeSet<>(acked);
        lost.removeAll(present);
        assertThat(lost).as("acknowledged creates missing after the restart (%s acknowledged, %s at the kill; %s)",
                acked.size(), ackedAtKill, result.getStdout().strip()).isEmpty();
    }

    @Test
    void killedDataNodeRestartsWithItsReplicas() throws Exception {
        ContainerQfsClient client = cluster.client();
        byte[] data = new byte[3 * MIB];
        new Random(Seeds.seed("killedDataNodeRestartsWithItsReplicas")).nextBytes(data);
        client.write("/restart/file", data);
        ContainerNode node = cluster.dataNode(1);
        int before = DataDirs.finalizedReplicas(node);

        cluster.killDataNode(1);
        assertThat(node.isRunning()).isFalse();
        cluster.restartDataNode(1);

        assertThat(DataDirs.finalizedReplicas(node)).as("replicas on dn2 after its restart").isEqualTo(before);
        assertThat(client.read("/restart/file")).isEqualTo(data);
    }

    private static Set<Integer> acknowledged(ContainerNode clientHost) throws IOException {
        Set<Integer> acked = new TreeSet<>();
        String text = clientHost.exec("cat", "/tmp/acks").getStdout();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                acked.add(Integer.parseInt(line.strip()));
            }
        }
        return acked;
    }

    private static byte[] classFile() throws IOException {
        try (InputStream in = CreateStream.class.getClassLoader().getResourceAsStream(STREAM_CLASS)) {
            if (in == null) {
                throw new IOException("No class file " + STREAM_CLASS + " on the test class path");
            }
            return in.readAllBytes();
        }
    }
}
