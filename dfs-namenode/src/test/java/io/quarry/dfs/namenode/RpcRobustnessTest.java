package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.net.HostAndPort;
import io.quarry.common.time.Clock;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.Mkdirs;

@Timeout(60)
class RpcRobustnessTest {
    @TempDir
    Path dir;

    /** Sends raw bytes and returns how many bytes came back before the server closed the connection. */
    private static int sendRaw(HostAndPort address, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(address.host(), address.port())) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int total = 0;
            try {
                while (in.read() >= 0) {
                    total++;
                }
            } catch (EOFException e) {
                // closed
            }
            return total;
        }
    }

    @Test
    void garbageAndOversizedFramesGetAnErrorWhileOtherClientsAreServed() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of("quarry.rpc.max-frame-size", "1m"))) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            client.call(new Mkdirs("/before", (short) 0755, true));
            HostAndPort address = cluster.nameNode.rpcAddress();

            byte[] garbage = {0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8};
            assertThat(sendRaw(address, garbage)).as("error reply to garbage").isGreaterThan(0);
            byte[] oversized = {0x7f, 0, 0, 0, 1, 2, 3, 4};
            assertThat(sendRaw(address, oversized)).as("error reply to an oversized frame").isGreaterThan(0);

            client.call(new Mkdirs("/after", (short) 0755, true));
            assertThat(client.call(new GetFileInfo("/after"), FileStatusReply.class).status()).isNotNull();
        }
    }
}
