package io.quarry.common.rpc;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.Seeds;
import io.quarry.common.testing.TestMessages.Echo;
import io.quarry.common.testing.TestMessages.EchoReply;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Peers that break the protocol on raw sockets. Each gets a PROTOCOL_ERROR answer with call id -1
 * (or just a close) and loses its connection; a well-behaved client on another connection keeps
 * being served throughout.
 */
@Timeout(30)
@ExtendWith(NoLeaks.class)
class RpcServerBadPeerTest {
    private static final int MAX_FRAME = 1 << 20; // quarry.rpc.max-frame-size in RpcTestSupport

    private final KryoCodec codec = KryoCodec.shared();
    private RpcServer server;
    private RpcClient goodClient;

    @BeforeEach
    void start() throws Exception {
        server = RpcTestSupport.server(new ScriptedService((context, request) ->
                CompletableFuture.completedFuture(new EchoReply(((Echo) request).text()))), RpcTestSupport.conf());
        goodClient = new RpcClient("good", RpcTestSupport.conf());
        assertGoodClientServed("before");
    }

    @AfterEach
    void stop() {
        goodClient.close();
        server.close();
    }

    private void assertGoodClientServed(String text) throws Exception {
        assertThat(goodClient.call(server.address(), new Echo(text), EchoReply.class)).isEqualTo(new EchoReply(text));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.address().host(), server.address().port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static byte[] frame(byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(payload.length);
        out.write(payload);
        return bytes.toByteArray();
    }

    /** Reads the protocol error answer and then the end of the stream. */
    private RpcResponse readErrorThenClose(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        assertThat(length).isBetween(1, MAX_FRAME);
        byte[] payload = in.readNBytes(length);
        assertThat(readsEndOfStream(in)).as("connection closed after the error").isTrue();
        return (RpcResponse) codec.decode(payload);
    }

    private static boolean readsEndOfStream(DataInputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true; // closed with unread input pending: a reset is a close too
        }
    }

    private static void assertProtocolError(RpcResponse response, String detail) {
        assertThat(response.callId()).isEqualTo(-1);
        assertThat(response.error()).isNotNull();
        assertThat(response.error().errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(response.error().message()).contains(detail);
    }

    @Test
    void garbageInsideAFrameGetsAProtocolErrorAndAClose() throws Exception {
        try (Socket socket = connect()) {
            byte[] garbage = new byte[64];
            new Random(Seeds.seed("garbageInsideAFrameGetsAProtocolErrorAndAClose")).nextBytes(garbage);
            garbage[0] = (byte) 0xfe; // a class id nobody registered
            socket.getOutputStream().write(frame(garbage));
            assertProtocolError(readErrorThenClose(socket), "test-server");
        }
        assertGoodClientServed("after garbage");
    }

    @Test
    void randomBytesWithoutFramingGetAnErrorOrAClose() throws Exception {
        long seed = Seeds.seed("randomBytesWithoutFramingGetAnErrorOrAClose");
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            try (Socket socket = connect()) {
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                socket.getOutputStream().write(garbage);
                socket.shutdownOutput();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                // Either an error frame then the end, or the end at once (a frame that never completed).
                byte[] answer = in.readAllBytes();
                if (answer.length > 0) {
                    RpcResponse response = (RpcResponse) codec.decode(answer, 4, answer.length - 4);
                    assertThat(response.error().errorCode()).as("seed %d round %d", seed, round).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                }
            } catch (SocketException reset) {
                // the server closed while bytes were unread: also a close
            }
        }
        assertGoodClientServed("after random bytes");
    }

    @Test
    void oversizedFrameGetsAProtocolErrorNamingTheLimit() throws Exception {
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(MAX_FRAME + 1);
            out.write(new byte[128]);
            out.flush();
            assertProtocolError(readErrorThenClose(socket), "maximum of " + MAX_FRAME);
        }
        try (Socket socket = connect()) {
            new DataOutputStream(socket.getOutputStream()).writeInt(Integer.MAX_VALUE);
            assertProtocolError(readErrorThenClose(socket), "maximum");
        }
        assertGoodClientServed("after oversized");
    }

    @Test
    void validFrameHoldingSomethingOtherThanARequestGetsAProtocolError() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(frame(codec.encode(new Echo("not wrapped"))));
            assertProtocolError(readErrorThenClose(socket), "expected an RpcRequest, got Echo");
        }
        try (Socket socket = connect()) {
            socket.getOutputStream().write(frame(codec.encode(null)));
            assertProtocolError(readErrorThenClose(socket), "null message");
        }
        assertGoodClientServed("after a bare message");
    }

    @Test
    void emptyFrameGetsAProtocolError() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(frame(new byte[0]));
            assertProtocolError(readErrorThenClose(socket), "test-server");
        }
        assertGoodClientServed("after an empty frame");
    }

    @Test
    void truncatedFrameThenCloseIsDroppedQuietly() throws Exception {
        byte[] whole = frame(codec.encode(new RpcRequest(1, "raw", "u", 1000, new Echo("cut"))));
        try (Socket socket = connect()) {
            socket.getOutputStream().write(whole, 0, whole.length - 3);
            socket.shutdownOutput();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.read()).as("no answer to a frame that never completed").isEqualTo(-1);
        }
        assertGoodClientServed("after a truncated frame");
    }

    @Test
    void wellFormedRawRequestIsAnswered() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(frame(codec.encode(new RpcRequest(42, "raw", "u", 5000, new Echo("raw")))));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] payload = in.readNBytes(in.readInt());
            assertThat(codec.decode(payload)).isEqualTo(RpcResponse.success(42, new EchoReply("raw")));
        } catch (EOFException e) {
            throw new AssertionError("server closed a well-behaved raw connection", e);
        }
    }
}
