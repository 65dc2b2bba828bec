package io.quarry.dfs.datanode.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.quarry.dfs.checksum.ChunkChecksums;
import io.quarry.dfs.datanode.metrics.DataNodeMetrics;
import io.quarry.dfs.datanode.storage.Dataset;
import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.datanode.storage.Replica;
import io.quarry.dfs.datanode.transfer.ReplicaEvents;
import io.quarry.dfs.datanode.transfer.TransferConnection;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.transfer.OpResponse;
import io.quarry.dfs.protocol.transfer.Packet;
import io.quarry.dfs.protocol.transfer.PipelineAck;
import io.quarry.dfs.protocol.transfer.TransferFrames;
import io.quarry.dfs.protocol.transfer.TransferStatus;
import io.quarry.dfs.protocol.transfer.WriteBlockOp;
import io.quarry.dfs.protocol.transfer.WriteStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Copies a finalized replica to another DataNode (re-replication): a TRANSFER write whose packets
 * are read from disk with their stored checksums, verified here before they leave.
 */
final class BlockTransferrer {
    private static final Logger LOG = LoggerFactory.getLogger(BlockTransferrer.class);
    private static final int PACKET_DATA_SIZE = 64 * 1024;

    private final String name;
    private final Dataset dataset;
    private final EventLoopGroup eventLoops;
    private final ReplicaEvents events;
    private final DataNodeMetrics metrics;
    private final Duration timeout;

    BlockTransferrer(String name, Dataset dataset, EventLoopGroup eventLoops, ReplicaEvents events, DataNodeMetrics metrics, Duration timeout) {
        this.name = requireNonNull(name, "name is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.eventLoops = requireNonNull(eventLoops, "eventLoops is null");
        this.events = requireNonNull(events, "events is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    void transfer(Block block, List<DatanodeId> targets) {
        Replica replica = dataset.get(block.blockId());
        if (replica == null || replica.state() != ReplicaState.FINALIZED || replica.isCorrupt()
                || replica.generationStamp() < block.generationStamp()) {
            LOG.warn("{}: cannot copy {} to {}: no usable finalized replica here ({})", name, block, targets, replica);
            return;
        }
        for (DatanodeId target : targets) {
            try {
                send(replica, target);
                metrics.blocksReplicated.inc();
                LOG.info("{}: copied {} to {}", name, replica, target);
            } catch (CorruptSourceException e) {
                replica.markCorrupt();
                metrics.corruptReplicas.inc();
                events.corrupt(replica.toBlock(), e.getMessage());
                return;
            } catch (IOException e) {
                LOG.warn("{}: copying {} to {} failed: {}", name, replica, target, e.getMessage());
            }
        }
    }

    private void send(Replica replica, DatanodeId target) throws IOException {
        Block block = replica.toBlock();
        int bytesPerChecksum = replica.bytesPerChecksum();
        try (TransferConnection connection = TransferConnection.open(eventLoops, target.transferAddress(), timeout);
             FileChannel data = FileChannel.open(replica.blockFile(), StandardOpenOption.READ);
             FileChannel meta = FileChannel.open(replica.metaFile(), StandardOpenOption.READ)) {
            connection.sendOp(new WriteBlockOp(block, block.generationStamp(), name, List.of(), WriteStage.TRANSFER, bytesPerChecksum, true));
            OpResponse response = connection.receive(OpResponse.class, timeout);
            if (response.status() != TransferStatus.SUCCESS) {
                throw new IOException(target + " refused " + block + ": " + response.status() + " " + response.message());
            }
            long length = block.numBytes();
            long position = 0;
            long seqno = 0;
            int packetSize = PACKET_DATA_SIZE - PACKET_DATA_SIZE % bytesPerChecksum;
            do {
                int chunk = (int) Math.min(packetSize, length - position);
                ByteBuf bytes = ByteBufAllocator.DEFAULT.directBuffer(chunk);
                ByteBuf sums = ByteBufAllocator.DEFAULT.directBuffer(ChunkChecksums.checksumLength(chunk, bytesPerChecksum));
                try {
                    readFully(data, bytes, position, chunk);
                    readFully(meta, sums, MetaFile.checksumPosition(position, bytesPerChecksum), sums.capacity());
                    int bad = ChunkChecksums.firstMismatch(bytes, sums, bytesPerChecksum);
                    if (bad >= 0) {
                        throw new CorruptSourceException("checksum mismatch in " + block + " at offset "
                                + (position + (long) bad * bytesPerChecksum) + " while copying it to " + target);
                    }
                } catch (IOException | RuntimeException e) {
                    bytes.release();
                    sums.release();
                    throw e;
                }
                boolean last = position + chunk >= length;
                connection.send(TransferFrames.encodePacket(connection.channel().alloc(), seqno++, position, last ? Packet.FLAG_LAST : 0,
                        sums, bytes));
                position += chunk;
            } while (position < length);
            long lastSeqno = seqno - 1;
            while (true) {
                PipelineAck ack = connection.receive(PipelineAck.class, timeout);
                if (!ack.isSuccess()) {
                    throw new IOException(target + " failed to store " + block + ": ack " + ack);
                }
                if (ack.seqno() == lastSeqno) {
                    return;
                }
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuf into, long position, int length) throws IOException {
        long at = position;
        while (into.writerIndex() < length) {
            int read = into.writeBytes(channel, at, length - into.writerIndex());
            if (read < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += read;
        }
    }

    private static final class CorruptSourceException extends IOException {
        CorruptSourceException(String message) {
            super(message);
        }
    }
}
