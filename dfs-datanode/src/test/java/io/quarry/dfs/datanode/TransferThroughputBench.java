package io.quarry.dfs.datanode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.nio.NioEventLoopGroup;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.datanode.transfer.TransferConnection;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.ReadBlockOp;
import io.quarry.dfs.protocol.transfer.ReadBlockResponse;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rough DataNode throughput on this machine (not part of the default test run: the name does not
 * match surefire's patterns). Run with {@code -Dtest=TransferThroughputBench}.
 */
@Timeout(300)
class TransferThroughputBench {
    private static final int PACKET = 64 * 1024;
    private static final long BLOCK = 128L << 20;

    @TempDir
    Path dir;

    @Test
    void writeAndReadThroughput() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, java.util.Map.of("dfs.datanode.synconclose", System.getProperty("bench.sync", "true")))) {
            NioEventLoopGroup group = new NioEventLoopGroup(1);
            try {
                byte[] data = new byte[PACKET];
                new java.util.Random(1).nextBytes(data);
                byte[] sums = new byte[ChunkChecksums.checksumLength(PACKET, 512)];
                ChunkChecksums.compute(data, 0, PACKET, 512, sums, 0);
                ByteBuf dataBuf = Unpooled.unreleasableBuffer(Unpooled.directBuffer(PACKET).writeBytes(data));
                ByteBuf sumBuf = Unpooled.unreleasableBuffer(Unpooled.directBuffer(sums.length).writeBytes(sums));
                for (int replication : new int[] {1, 3, 1, 3}) {
                    List<DatanodeId> pipeline = cluster.dataNodes.subList(0, replication).stream().map(DataNode::id).toList();
                    long started = System.nanoTime();
                    long cpu = cpuNanos();
                    int blocks = 4;
                    for (int b = 0; b < blocks; b++) {
                        Block block = new Block(replication * 100 + b, 1, 0);
                        for (DataNode node : cluster.dataNodes) {
                            node.dataset().delete(block.withNumBytes(0));
                        }
                        write(group, pipeline, block, dataBuf, sumBuf);
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("write replication %d: %.0f MB/s, %.2f CPU s/GB%n", replication, blocks * BLOCK / 1e6 / seconds,
                            (cpuNanos() - cpu) / 1e9 / (blocks * BLOCK / 1e9));
                }
                long started = System.nanoTime();
                long cpu = cpuNanos();
                long total = 0;
                for (int round = 0; round < 3; round++) {
                    for (int b = 0; b < 4; b++) {
                        total += read(group, cluster.get(0).id(), new Block(100 + b, 1, BLOCK));
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("read: %.0f MB/s, %.2f CPU s/GB%n", total / 1e6 / seconds, (cpuNanos() - cpu) / 1e9 / (total / 1e9));
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void write(NioEventLoopGroup group, List<DatanodeId> pipeline, Block block, ByteBuf data, ByteBuf sums) throws Exception {
        try (TransferConnection connection = TransferConnection.open(group, pipeline.get(0).transferAddress(), Duration.ofSeconds(5))) {
            connection.sendOp(new WriteBlockOp(block, 0, "bench", pipeline.subList(1, pipeline.size()), WriteStage.CREATE, 512, false));
            connection.receive(OpResponse.class, Duration.ofSeconds(5));
            long packets = BLOCK / PACKET;
            Thread acker = new Thread(() -> {
                try {
                    for (long i = 0; i < packets; i++) {
                        PipelineAck ack = connection.receive(PipelineAck.class, Duration.ofSeconds(30));
                        if (!ack.isSuccess()) {
                            throw new IllegalStateException("ack " + ack);
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            acker.start();
            for (long i = 0; i < packets; i++) {
                ByteBuf frame = TransferFrames.encodePacket(connection.channel().alloc(), i, i * PACKET, i == packets - 1 ? Packet.FLAG_LAST : 0,
                        sums.duplicate(), data.duplicate());
                if (i % 16 == 15) {
                    connection.send(frame);
                } else {
                    connection.channel().write(frame);
                }
            }
            connection.channel().flush();
            acker.join();
        }
    }

    private static long read(NioEventLoopGroup group, DatanodeId node, Block block) throws Exception {
        long bytes = 0;
        try (TransferConnection connection = TransferConnection.open(group, node.transferAddress(), Duration.ofSeconds(5))) {
            connection.sendOp(new ReadBlockOp(block, 0, block.numBytes(), "bench"));
            connection.receive(ReadBlockResponse.class, Duration.ofSeconds(5));
            while (true) {
                Packet packet = connection.receive(Packet.class, Duration.ofSeconds(30));
                bytes += packet.dataLength();
                boolean last = packet.isLast();
                packet.release();
                if (last) {
                    break;
                }
            }
        }
        return bytes;
    }
}
