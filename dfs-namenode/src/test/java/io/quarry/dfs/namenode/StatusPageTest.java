package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Await;
import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.client.Mkdirs;

@Timeout(60)
class StatusPageTest {
    @TempDir
    Path dir;

    private static String get(NameNode nameNode, String page) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://" + nameNode.httpAddress() + page);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void metricsAndStatusDescribeTheNamespace() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of())) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            client.call(new Mkdirs("/a/b", (short) 0755, true));
            Await.until("stats published", Duration.ofSeconds(10), () -> cluster.nameNode.stats().directories() == 3);
            String metrics = get(cluster.nameNode, "/metrics");
            assertThat(metrics).contains("quarry_namenode_directories 3").contains("quarry_namenode_safe_mode 0")
                    .contains("quarry_namenode_op_mkdirs_total 1").contains("quarry_namenode_journal_syncs");
            String status = get(cluster.nameNode, "/status");
            assertThat(status).contains("\"clusterId\"").contains(cluster.nameNode.clusterId()).contains("Safe mode is OFF");
            assertThat(cluster.nameNode.addresses()).containsKeys("rpc", "http");
        }
    }

    @Test
    void clusterIdSurvivesRestartAndComesFromConfigurationWhenGiven() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of("quarry.cluster.id", "CID-test"))) {
            assertThat(cluster.nameNode.clusterId()).isEqualTo("CID-test");
            cluster.restart();
            assertThat(cluster.nameNode.clusterId()).isEqualTo("CID-test");
        }
    }
}
