package io.quarry.dfs.datanode;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.transfer.FrameType;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A real socket sending garbage: the peer gets an error and a closed connection; everyone else is still served. */
@Timeout(30)
class MalformedPeerTest {
    @TempDir
    Path dir;
    private TestCluster cluster;
    private BlockClient client;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(dir, 1);
        client = new BlockClient();
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
        cluster.assertNoFaults();
    }

    @Test
    void garbageOnARealSocketGetsAnErrorAndACloseAndTheNextReadIsServed() throws Exception {
        Block block = new Block(1, 1, 0);
        byte[] data = new byte[10_000];
        new java.util.Random(7).nextBytes(data);
        client.write(List.of(cluster.get(0).id()), block, data, 4096);

        try (Socket socket = new Socket(cluster.get(0).id().host(), cluster.get(0).id().dataPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 0, 0, 5, 42, 1, 2, 3, 4});
            out.flush();
            OpResponse response = readOpResponse(socket.getInputStream());
            assertThat(response.status()).isEqualTo(TransferStatus.ERROR_INVALID);
            assertThat(response.message()).contains("unknown transfer frame type 42");
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
        try (Socket socket = new Socket(cluster.get(0).id().host(), cluster.get(0).id().dataPort())) {
            socket.getOutputStream().write(new byte[] {0, 0, 0, 100, (byte) FrameType.OP.code(), 1, 2});
        }

        assertThat(client.read(cluster.get(0).id(), block, 0, data.length)).isEqualTo(data);
        assertThat(cluster.get(0).metrics().value("quarry_datanode_transfer_errors_total")).isPositive();
    }

    private static OpResponse readOpResponse(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        assertThat(length).isBetween(1, TransferFrames.MAX_FRAME_SIZE);
        byte[] frame = new byte[length];
        data.readFully(frame);
        Object decoded = TransferFrames.decode(Unpooled.wrappedBuffer(frame));
        assertThat(decoded).isInstanceOf(TransferOp.class);
        return (OpResponse) ((TransferOp) decoded).message();
    }

}
