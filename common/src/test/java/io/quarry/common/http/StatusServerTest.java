package io.quarry.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.quarry.common.metrics.MetricsRegistry;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.testing.NoLeaks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
@ExtendWith(NoLeaks.class)
class StatusServerTest {
    private final MetricsRegistry metrics = new MetricsRegistry();
    private final AtomicReference<Map<String, Object>> status = new AtomicReference<>();
    private StatusServer server;

    /** One HTTP exchange on a plain socket: the status code, the headers and the body. */
    record Response(int code, Map<String, String> headers, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("role", "namenode");
        facts.put("state", "active \"primary\"");
        facts.put("datanodes", List.of("127.0.0.2:9866", "127.0.0.3:9866"));
        status.set(facts);
        metrics.counter("quarry_test_requests_total", "Requests served.").add(12);
        server = StatusServer.start("namenode", new HostAndPort("127.0.0.1", 0), metrics, status::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response get(String path) throws IOException {
        try (Socket socket = new Socket(server.address().host(), server.address().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(), head[i].substring(colon + 1).trim());
            }
            String body = raw.substring(split + 4);
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).as("content-length of %s", path)
                    .isEqualTo(Integer.parseInt(headers.get("content-length")));
            return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
        }
    }

    @Test
    void metricsPageIsPrometheusText() throws Exception {
        Response response = get("/metrics");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.body()).contains("# TYPE quarry_test_requests_total counter\nquarry_test_requests_total 12\n");
    }

    @Test
    void statusPageIsValidJsonWithTheDaemonsFacts() throws Exception {
        Response response = get("/status?pretty=false");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        Object parsed = JsonChecker.parse(response.body());
        assertThat(parsed).isEqualTo(Map.of("role", "namenode", "state", "active \"primary\"",
                "datanodes", List.of("127.0.0.2:9866", "127.0.0.3:9866")));
    }

    @Test
    void rootPageIsHtml() throws Exception {
        Response response = get("/");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("Quarry namenode").contains("127.0.0.2:9866")
                .contains("href=\"/metrics\"");
    }

    @Test
    void unknownPathIs404() throws Exception {
        Response response = get("/nope");
        assertThat(response.code()).isEqualTo(404);
        assertThat(response.body()).contains("/nope");
    }

    @Test
    void failingStatusSupplierGives500AndTheServerKeepsServing() throws Exception {
        Map<String, Object> good = status.get();
        status.set(null);
        assertThat(get("/status").code()).isEqualTo(200); // null is a JSON value
        status.set(Map.of("broken", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot describe");
            }
        }));
        Response failed = get("/status");
        assertThat(failed.code()).isEqualTo(500);
        assertThat(failed.body()).contains("cannot describe");
        status.set(good);
        assertThat(get("/metrics").code()).isEqualTo(200);
    }

    @Test
    void secondServerOnTheSamePortFailsNamingTheAddress() {
        assertThatThrownBy(() -> StatusServer.start("other", server.address(), metrics, status::get))
                .hasMessageContaining(server.address().toString());
    }
}
