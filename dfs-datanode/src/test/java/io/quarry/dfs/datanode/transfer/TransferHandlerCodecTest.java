package io.quarry.dfs.datanode.transfer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.quarry.common.concurrent.Threads;
import io.quarry.common.rpc.NettyTransport;
import io.quarry.common.metrics.MetricsRegistry;
import io.quarry.common.testing.Await;
import io.quarry.dfs.datanode.metrics.DataNodeMetrics;
import io.quarry.dfs.datanode.storage.Dataset;
import io.quarry.dfs.datanode.storage.StorageDirectory;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.transfer.FrameType;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferFrameDecoder;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferOp;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The transfer pipeline under EmbeddedChannel, fed garbage, oversized, truncated and out-of-order frames. */
@Timeout(30)
class TransferHandlerCodecTest {
    @TempDir
    Path dir;
    private ExecutorService executor;
    private EventLoopGroup loops;
    private Dataset dataset;
    private DataNodeMetrics metrics;
    private final List<Block> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        executor = Executors.newSingleThreadExecutor();
        loops = NettyTransport.newGroup(1, Threads.named("test-loop-%d"));
        dataset = new Dataset(List.of(StorageDirectory.open(dir, (short) 0700)), "test");
        metrics = new DataNodeMetrics(new MetricsRegistry());
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private EmbeddedChannel channel() {
        TransferContext context = new TransferContext("test", dataset, executor, loops, new ReplicaEvents() {
            @Override
            public void receiving(Block block) {
            }

            @Override
            public void received(Block block) {
                received.add(block);
            }

            @Override
            public void corrupt(Block block, String reason) {
            }
        }, metrics, false, 1000, 60_000);
        return new EmbeddedChannel(TransferFrames.frameDecoder(), new TransferFrameDecoder(), new TransferHandler(context));
    }

    /** Decodes the next outbound frame as an op record. */
    private static Object nextOp(EmbeddedChannel channel) {
        ByteBuf frame = channel.readOutbound();
        assertThat(frame).as("an answer frame").isNotNull();
        try {
            frame.skipBytes(4);
            Object decoded = TransferFrames.decode(frame);
            return decoded instanceof TransferOp op ? op.message() : decoded;
        } finally {
            frame.release();
        }
    }

    private static OpResponse awaitError(EmbeddedChannel channel) {
        Object answer = nextOp(channel);
        assertThat(answer).isInstanceOf(OpResponse.class);
        OpResponse response = (OpResponse) answer;
        assertThat(response.status()).isEqualTo(TransferStatus.ERROR_INVALID);
        assertThat(channel.isOpen()).as("connection closed").isFalse();
        return response;
    }

    @Test
    void anUnknownFrameTypeIsAnsweredWithAnErrorAndTheConnectionCloses() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.buffer().writeInt(3).writeByte(99).writeShort(7));
        assertThat(awaitError(channel).message()).contains("unknown transfer frame type 99");
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItIsBuffered() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.buffer().writeInt(TransferFrames.MAX_FRAME_SIZE + 1).writeByte(FrameType.OP.code()).writeLong(0));
        assertThat(awaitError(channel).message()).contains("malformed frame");
    }

    @Test
    void anOpFrameWithAGarbageBodyIsRefused() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.buffer().writeInt(9).writeByte(FrameType.OP.code()).writeLong(0x0102030405060708L));
        assertThat(awaitError(channel).message()).contains("malformed op frame");
    }

    @Test
    void aPacketBeforeAnyOpIsRefusedAndReleased() {
        EmbeddedChannel channel = channel();
        ByteBuf packet = TransferFrames.encodePacket(channel.alloc(), 0, 0, 0, Unpooled.buffer(4).writeInt(0), Unpooled.buffer(1).writeByte(1));
        channel.writeInbound(packet);
        assertThat(awaitError(channel).message()).contains("first frame must be an op");
    }

    @Test
    void aResponseRecordAsTheFirstOpIsRefused() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(TransferFrames.encodeOp(channel.alloc(), OpResponse.success()));
        assertThat(awaitError(channel).message()).contains("unexpected first op OpResponse");
    }

    @Test
    void anAckFrameWithLyingCountIsRefused() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.buffer().writeInt(1 + 8 + 1 + 1).writeByte(FrameType.ACK.code()).writeLong(1).writeByte(5).writeByte(0));
        assertThat(awaitError(channel).message()).contains("declares 5 statuses");
    }

    @Test
    void aTruncatedFrameFollowedByCloseLeavesNothingBehind() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.buffer().writeInt(100).writeByte(FrameType.OP.code()).writeBytes(new byte[10]));
        assertThat((Object) channel.readOutbound()).isNull();
        channel.close();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aPacketWhoseLengthsLieIsRefusedAndTheReplicaStaysBeingWritten() {
        EmbeddedChannel channel = channel();
        Block block = new Block(5, 1, 0);
        channel.writeInbound(TransferFrames.encodeOp(channel.alloc(), new WriteBlockOp(block, 0, "test", List.of(), WriteStage.CREATE, 512, false)));
        Object setup = awaitOutbound(channel);
        assertThat(setup).isEqualTo(OpResponse.success());
        ByteBuf lying = Unpooled.buffer().writeInt(1 + 8 + 8 + 4 + 4 + 1 + 10).writeByte(FrameType.PACKET.code()).writeLong(0).writeLong(0)
                .writeInt(4).writeInt(1000).writeByte(0).writeBytes(new byte[10]);
        channel.writeInbound(lying);
        Object answer = awaitOutbound(channel);
        assertThat(answer).isInstanceOf(OpResponse.class);
        assertThat(((OpResponse) answer).message()).contains("declares 4 checksum bytes and 1000 data bytes");
        Await.until("connection closed", Duration.ofSeconds(5), () -> {
            channel.runPendingTasks();
            return !channel.isOpen();
        });
        assertThat(dataset.get(5).state()).isEqualTo(ReplicaState.RBW);
        assertThat(received).isEmpty();
    }

    @Test
    void aPacketBeyondTheReplicaEndIsRefused() {
        EmbeddedChannel channel = channel();
        Block block = new Block(6, 1, 0);
        channel.writeInbound(TransferFrames.encodeOp(channel.alloc(), new WriteBlockOp(block, 0, "test", List.of(), WriteStage.CREATE, 512, false)));
        assertThat(awaitOutbound(channel)).isEqualTo(OpResponse.success());
        byte[] data = new byte[100];
        byte[] sums = new byte[4];
        io.quarry.dfs.checksum.ChunkChecksums.compute(data, 0, 100, 512, sums, 0);
        channel.writeInbound(TransferFrames.encodePacket(channel.alloc(), 0, 1_000_000, 0, Unpooled.wrappedBuffer(sums), Unpooled.wrappedBuffer(data)));
        Object answer = awaitOutbound(channel);
        assertThat(answer).isInstanceOf(OpResponse.class);
        assertThat(((OpResponse) answer).status()).isEqualTo(TransferStatus.ERROR_INVALID);
        assertThat(((OpResponse) answer).message()).contains("offset 1000000").contains("blk_6_1");
        Await.until("connection closed", Duration.ofSeconds(5), () -> {
            channel.runPendingTasks();
            return !channel.isOpen();
        });
        assertThat(dataset.get(6).bytesOnDisk()).isZero();
    }

    @Test
    void aWriteAcksEachPacketAndFinalizesOnTheLast() {
        EmbeddedChannel channel = channel();
        Block block = new Block(7, 1, 0);
        channel.writeInbound(TransferFrames.encodeOp(channel.alloc(), new WriteBlockOp(block, 0, "test", List.of(), WriteStage.CREATE, 512, false)));
        assertThat(awaitOutbound(channel)).isEqualTo(OpResponse.success());
        byte[] data = new byte[700];
        byte[] sums = new byte[8];
        io.quarry.dfs.checksum.ChunkChecksums.compute(data, 0, 700, 512, sums, 0);
        channel.writeInbound(TransferFrames.encodePacket(channel.alloc(), 0, 0, io.quarry.dfs.protocol.transfer.Packet.FLAG_LAST,
                Unpooled.wrappedBuffer(sums), Unpooled.wrappedBuffer(data)));
        assertThat(awaitOutbound(channel)).isEqualTo(new PipelineAck(0, List.of(TransferStatus.SUCCESS)));
        assertThat(dataset.get(7).state()).isEqualTo(ReplicaState.FINALIZED);
        assertThat(received).containsExactly(new Block(7, 1, 700));
    }

    @Test
    void packetsSentBeforeTheSetupAnswerAreWrittenOnceThePipelineIsUp() {
        EmbeddedChannel channel = channel();
        Block block = new Block(8, 1, 0);
        byte[] data = new byte[1000];
        new java.util.Random(3).nextBytes(data);
        byte[] sums = new byte[8];
        io.quarry.dfs.checksum.ChunkChecksums.compute(data, 0, 1000, 512, sums, 0);
        channel.writeInbound(TransferFrames.encodeOp(channel.alloc(), new WriteBlockOp(block, 0, "test", List.of(), WriteStage.CREATE, 512, false)));
        channel.writeInbound(TransferFrames.encodePacket(channel.alloc(), 0, 0, io.quarry.dfs.protocol.transfer.Packet.FLAG_LAST,
                Unpooled.wrappedBuffer(sums), Unpooled.wrappedBuffer(data)));
        assertThat(awaitOutbound(channel)).isEqualTo(OpResponse.success());
        assertThat(awaitOutbound(channel)).isEqualTo(new PipelineAck(0, List.of(TransferStatus.SUCCESS)));
        assertThat(received).containsExactly(new Block(8, 1, 1000));
    }

    private static Object awaitOutbound(EmbeddedChannel channel) {
        Await.until("an answer from the handler", Duration.ofSeconds(5), () -> {
            channel.runPendingTasks();
            return !channel.outboundMessages().isEmpty();
        });
        return nextOp(channel);
    }
}
