package io.quarry.dfs.datanode;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A downstream node that accepts the pipeline and then stops answering (a frozen process, not a
 * dead one) is reported by index once the socket timeout passes, so the client drops that node
 * rather than the healthy one in front of it.
 */
@Timeout(60)
class FrozenDownstreamTest {
    @TempDir
    Path dir;

    @Test
    void aSilentDownstreamIsReportedAsFailedAfterTheSocketTimeout() throws Exception {
        try (ServerSocket frozen = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.9"));
             TestCluster cluster = new TestCluster(dir, 1, Map.of("dfs.client.socket-timeout", "500ms"));
             BlockClient client = new BlockClient()) {
            Thread acceptor = new Thread(() -> acceptAndFreeze(frozen), "frozen-downstream");
            acceptor.setDaemon(true);
            acceptor.start();
            DatanodeId frozenNode = new DatanodeId("frozen", "127.0.0.9", frozen.getLocalPort(), 0);
            byte[] data = new byte[700];
            try (BlockClient.Writer writer = client.openWrite(List.of(cluster.get(0).id(), frozenNode), new Block(7, 1, 0),
                    WriteStage.CREATE, 0)) {
                assertThat(writer.response.status()).isEqualTo(TransferStatus.SUCCESS);
                writer.sendPacket(0, data, 0, data.length, 0, false);
                PipelineAck ack = writer.awaitAck();
                assertThat(ack.statuses()).containsExactly(TransferStatus.SUCCESS, TransferStatus.ERROR);
                assertThat(ack.firstFailure()).isEqualTo(1);
            }
        }
    }

    /** Reads the write op, says yes, then swallows every packet without an ack. */
    private static void acceptAndFreeze(ServerSocket server) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte[in.readInt()]);
            ByteBuf answer = TransferFrames.encodeOp(ByteBufAllocator.DEFAULT, OpResponse.success());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(ByteBufUtil.getBytes(answer));
            } finally {
                answer.release();
            }
            out.flush();
            InputStream raw = socket.getInputStream();
            byte[] sink = new byte[8192];
            while (raw.read(sink) >= 0) {
                // frozen: never acks
            }
        } catch (IOException e) {
            // the DataNode gave up on us and closed: what the test expects
        }
    }
}
