package io.quarry.common.rpc;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.Clock;

/** Configuration and servers for RPC tests: short timeouts and backoffs, loopback only. */
final class RpcTestSupport {
    static final HostAndPort ANY_PORT = new HostAndPort("127.0.0.1", 0);

    private RpcTestSupport() {
    }

    static Configuration conf() {
        return Configuration.of(Map.of(
                "quarry.rpc.timeout", "3s",
                "quarry.rpc.connect-timeout", "2s",
                "quarry.rpc.retry.max-attempts", "3",
                "quarry.rpc.retry.initial-backoff", "10ms",
                "quarry.rpc.retry.max-backoff", "40ms",
                "quarry.rpc.server.handler-threads", "4",
                "quarry.rpc.max-frame-size", "1m",
                "quarry.user.name", "tester"));
    }

    static RpcServer server(RpcService service, Configuration conf) throws QuarryException {
        return RpcServer.start("test-server", ANY_PORT, service, conf, Clock.system());
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    static HostAndPort unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new HostAndPort("127.0.0.1", socket.getLocalPort());
        }
    }
}
