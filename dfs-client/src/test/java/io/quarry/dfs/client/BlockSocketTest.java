package io.quarry.dfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.net.HostAndPort;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockSocketTest {
    private static HostAndPort addressOf(ServerSocket server) {
        return new HostAndPort("127.0.0.1", server.getLocalPort());
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void readsWhatThePeerSendsAcrossSeveralWrites() throws IOException {
        try (ServerSocket server = listen(); BlockSocket socket = BlockSocket.connect(addressOf(server), 5_000);
             Socket peer = server.accept()) {
            OutputStream out = peer.getOutputStream();
            out.write(new byte[] {1, 2, 3});
            out.flush();
            out.write(new byte[] {4, 5});
            out.flush();
            ByteBuffer buffer = ByteBuffer.allocateDirect(5);
            socket.readFully(buffer);
            assertThat(buffer.flip().get(4)).isEqualTo((byte) 5);
        }
    }

    @Test
    void silentPeerFailsTheReadWithinTheTimeoutNamingTheAddress() throws IOException {
        try (ServerSocket server = listen(); BlockSocket socket = BlockSocket.connect(addressOf(server), 200);
             Socket peer = server.accept()) {
            assertThat(peer.isConnected()).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> socket.readFully(ByteBuffer.allocate(4)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("within 200 ms")
                    .hasMessageContaining(addressOf(server).toString());
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        }
    }

    @Test
    void peerClosingEarlyIsAnEndOfStreamSayingHowMuchWasMissing() throws IOException {
        try (ServerSocket server = listen(); BlockSocket socket = BlockSocket.connect(addressOf(server), 5_000)) {
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(new byte[] {9, 9});
            }
            assertThatThrownBy(() -> socket.readFully(ByteBuffer.allocate(6)))
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("4 bytes still expected");
        }
    }

    @Test
    void aConfiguredReceiveBufferIsSetBeforeConnecting() throws IOException {
        // 150 KiB: below the kernel's usual cap, above the size it usually starts a socket with (128 KiB)
        try (ServerSocket server = listen(); BlockSocket socket = BlockSocket.connect(addressOf(server), 5_000, 150 * 1024);
             Socket peer = server.accept()) {
            assertThat(peer.isConnected()).isTrue();
            assertThat(socket.receiveBufferSize()).isGreaterThanOrEqualTo(150 * 1024);
        }
    }

    @Test
    void refusedConnectionSaysSo() throws IOException {
        HostAndPort closed;
        try (ServerSocket server = listen()) {
            closed = addressOf(server);
        }
        assertThatThrownBy(() -> BlockSocket.connect(closed, 5_000))
                .isInstanceOf(IOException.class)
                .hasMessage("connection refused");
    }
}
