package io.quarry.dfs.datanode.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

import io.quarry.dfs.checksum.MetaFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.datanode.ReplicaReport;
import io.quarry.dfs.protocol.transfer.TransferStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * All replicas of this DataNode across its data directories: creation of replicas being written,
 * finalization, recovery to a new generation stamp, truncation, deletion, and the replica map
 * rebuilt from disk at start.
 */
public final class Dataset {
    private static final Logger LOG = LoggerFactory.getLogger(Dataset.class);
    private static final long WRITER_STOP_TIMEOUT_MILLIS = 10_000;

    private final List<StorageDirectory> volumes;
    private final Map<Long, Replica> replicas = new ConcurrentHashMap<>();
    private final AtomicInteger nextVolume = new AtomicInteger();
    private final String logPrefix;

    public Dataset(List<StorageDirectory> volumes, String logPrefix) {
        this.volumes = List.copyOf(volumes);
        this.logPrefix = requireNonNull(logPrefix, "logPrefix is null");
        if (this.volumes.isEmpty()) {
            throw new IllegalArgumentException("no data directories");
        }
    }

    public List<StorageDirectory> volumes() {
        return volumes;
    }

    /** Scans every data directory and rebuilds the replica map; RBW replicas are cut to their verified length. */
    public void load() throws IOException {
        long started = System.nanoTime();
        int rbw = 0;
        for (StorageDirectory volume : volumes) {
            for (Replica replica : new ReplicaScanner(volume).scan()) {
                if (replica.state() == ReplicaState.RBW) {
                    rbw++;
                    try {
                        ChecksumVerifier.Result result = ChecksumVerifier.verify(replica.blockFile(), replica.metaFile(), null);
                        truncate(replica, result.verifiedLength());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while loading " + replica, e);
                    } catch (IOException e) {
                        LOG.warn("{}: dropping unreadable RBW replica {} in {}: {}", logPrefix, replica, volume, e.getMessage());
                        continue;
                    }
                }
                Replica previous = replicas.get(replica.blockId());
                if (previous == null || previous.generationStamp() < replica.generationStamp()) {
                    replicas.put(replica.blockId(), replica);
                }
            }
        }
        LOG.info("{}: loaded {} replicas ({} being written) from {} in {} ms", logPrefix, replicas.size(), rbw, volumes,
                (System.nanoTime() - started) / 1_000_000L);
    }

    public Replica get(long blockId) {
        return replicas.get(blockId);
    }

    public List<Replica> replicas() {
        return new ArrayList<>(replicas.values());
    }

    public List<ReplicaReport> report() {
        List<ReplicaReport> reports = new ArrayList<>();
        for (Replica replica : replicas.values()) {
            if (!replica.isCorrupt()) {
                reports.add(replica.toReport());
            }
        }
        return reports;
    }

    public long dfsUsed() {
        long used = 0;
        for (Replica replica : replicas.values()) {
            long length = replica.bytesOnDisk();
            used += length + MetaFile.length(length, replica.bytesPerChecksum());
        }
        return used;
    }

    public long capacity() {
        return volumes.stream().mapToLong(StorageDirectory::capacity).sum();
    }

    public long remaining() {
        return volumes.stream().mapToLong(StorageDirectory::available).sum();
    }

    /** Creates a new replica being written (pipeline setup or a transfer target). */
    public ReplicaWriter createRbw(Block block, int bytesPerChecksum) throws IOException {
        Replica existing = replicas.get(block.blockId());
        if (existing != null) {
            if (existing.state() == ReplicaState.FINALIZED || existing.isBeingWritten()
                    || existing.generationStamp() > block.generationStamp()) {
                throw new ReplicaException(TransferStatus.ERROR_EXISTS, "Replica " + existing + " already exists on this DataNode");
            }
            LOG.info("{}: replacing abandoned replica {} with a new write of {}", logPrefix, existing, block);
            delete(existing.toBlock().withGenerationStamp(existing.generationStamp()));
        }
        StorageDirectory volume = volumes.get(Math.floorMod(nextVolume.getAndIncrement(), volumes.size()));
        Replica replica = new Replica(block.blockId(), block.generationStamp(), ReplicaState.RBW, 0, volume, bytesPerChecksum);
        Files.deleteIfExists(replica.blockFile());
        Files.createFile(replica.blockFile());
        try (FileChannel meta = FileChannel.open(replica.metaFile(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            MetaFile.writeHeader(meta, bytesPerChecksum);
        }
        ReplicaWriter writer = new ReplicaWriter(replica);
        replica.setWriter(writer);
        if (replicas.putIfAbsent(block.blockId(), replica) != null) {
            writer.close();
            throw new ReplicaException(TransferStatus.ERROR_EXISTS, "Replica of blk_" + block.blockId() + " was created concurrently");
        }
        return writer;
    }

    /**
     * Pipeline recovery: the replica at {@code previousGenerationStamp} moves to the block's new
     * stamp, keeps its verified bytes and gets a new writer.
     */
    public ReplicaWriter recoverRbw(Block block, long previousGenerationStamp) throws IOException {
        Replica replica = require(block.blockId());
        long stamp = replica.generationStamp();
        if (stamp != previousGenerationStamp && stamp != block.generationStamp()) {
            throw new ReplicaException(TransferStatus.ERROR_STALE_GENERATION, "Replica " + replica + " has generation stamp " + stamp
                    + ", pipeline recovery of " + block + " expected " + previousGenerationStamp);
        }
        stopWriter(replica);
        if (replica.state() == ReplicaState.FINALIZED) {
            move(replica, ReplicaState.RBW, stamp);
        }
        long verified = verifiedLength(replica);
        truncate(replica, verified);
        move(replica, ReplicaState.RBW, block.generationStamp());
        ReplicaWriter writer = new ReplicaWriter(replica);
        replica.setWriter(writer);
        replica.setVisibleLength(verified);
        LOG.info("{}: recovered {} for the pipeline at {} bytes", logPrefix, replica, verified);
        return writer;
    }

    /** Finalizes a replica whose writer is done: fsync (when asked), close, move into finalized/. */
    public void finalizeReplica(ReplicaWriter writer, boolean sync) throws IOException {
        Replica replica = writer.replica();
        if (sync) {
            writer.sync();
        }
        writer.close();
        move(replica, ReplicaState.FINALIZED, replica.generationStamp());
        replica.setVisibleLength(replica.bytesOnDisk());
    }

    /** Lease recovery, phase 1: stop any writer and return the replica with its verified length. */
    public Replica initReplicaRecovery(Block block) throws IOException {
        Replica replica = require(block.blockId());
        if (replica.generationStamp() < block.generationStamp()) {
            throw new ReplicaException(TransferStatus.ERROR_STALE_GENERATION, "Replica " + replica
                    + " is older than the recovered block " + block);
        }
        stopWriter(replica);
        if (replica.state() == ReplicaState.RBW) {
            truncate(replica, verifiedLength(replica));
        }
        return replica;
    }

    /** Lease recovery, phase 2: truncate to {@code newLength}, move to the new stamp and finalize. */
    public Replica updateReplica(Block block, long newGenerationStamp, long newLength) throws IOException {
        Replica replica = require(block.blockId());
        stopWriter(replica);
        if (replica.bytesOnDisk() < newLength) {
            throw new ReplicaException(TransferStatus.ERROR_INVALID, "Replica " + replica + " holds fewer than the "
                    + newLength + " bytes recovery agreed on");
        }
        truncate(replica, newLength);
        move(replica, ReplicaState.FINALIZED, newGenerationStamp);
        replica.setVisibleLength(newLength);
        return replica;
    }

    /** Deletes a replica (any state); returns the deleted replica's block, or null if there was none. */
    public Block delete(Block block) throws IOException {
        Replica replica = replicas.get(block.blockId());
        if (replica == null || replica.generationStamp() > block.generationStamp()) {
            return null;
        }
        stopWriter(replica);
        replicas.remove(block.blockId(), replica);
        Block deleted = replica.toBlock();
        Files.deleteIfExists(replica.blockFile());
        Files.deleteIfExists(replica.metaFile());
        return deleted;
    }

    /** Closes the files of every replica being written (abort); the replicas stay RBW. */
    public void closeWriters() {
        for (Replica replica : replicas.values()) {
            ReplicaWriter writer = replica.writer();
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    LOG.debug("{}: closing the writer of {}", logPrefix, replica, e);
                }
            }
        }
    }

    private Replica require(long blockId) throws ReplicaException {
        Replica replica = replicas.get(blockId);
        if (replica == null) {
            throw new ReplicaException(TransferStatus.ERROR_NOT_FOUND, "Replica of blk_" + blockId + " not found on this DataNode");
        }
        return replica;
    }

    private void stopWriter(Replica replica) throws IOException {
        ReplicaWriter writer = replica.writer();
        if (writer != null) {
            LOG.info("{}: stopping the writer of {}", logPrefix, replica);
            writer.stopAndAwait(WRITER_STOP_TIMEOUT_MILLIS);
        }
    }

    private static long verifiedLength(Replica replica) throws IOException {
        try {
            return ChecksumVerifier.verify(replica.blockFile(), replica.metaFile(), null).verifiedLength();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying " + replica, e);
        }
    }

    /** Cuts block and checksum files to {@code length}, recomputing the checksum of a trailing partial chunk. */
    static void truncate(Replica replica, long length) throws IOException {
        int bytesPerChecksum = replica.bytesPerChecksum();
        try (FileChannel data = FileChannel.open(replica.blockFile(), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel meta = FileChannel.open(replica.metaFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            data.truncate(length);
            meta.truncate(MetaFile.length(length, bytesPerChecksum));
            int partial = (int) (length % bytesPerChecksum);
            if (partial != 0) {
                long chunkStart = length - partial;
                ByteBuffer chunk = ByteBuffer.allocate(partial);
                while (chunk.hasRemaining()) {
                    if (data.read(chunk, chunkStart + chunk.position()) < 0) {
                        throw new IOException(replica + " ends before offset " + length);
                    }
                }
                chunk.flip();
                CRC32C crc = new CRC32C();
                crc.update(chunk);
                ByteBuffer sum = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
                meta.write(sum, MetaFile.checksumPosition(chunkStart, bytesPerChecksum));
            }
        }
        replica.setBytesOnDisk(length);
    }

    private static void move(Replica replica, ReplicaState state, long stamp) throws IOException {
        synchronized (replica) {
            Path fromBlock = replica.blockFile();
            Path fromMeta = replica.metaFile();
            Path toBlock = replica.blockFile(state);
            Path toMeta = replica.metaFile(state, stamp);
            Files.createDirectories(toBlock.getParent());
            if (!fromMeta.equals(toMeta)) {
                Files.move(fromMeta, toMeta, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!fromBlock.equals(toBlock)) {
                Files.move(fromBlock, toBlock, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            replica.setState(state);
            replica.setGenerationStamp(stamp);
        }
    }
}
