package io.quarry.dfs.datanode.storage;

import java.nio.file.Path;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.datanode.ReplicaReport;

import static java.util.Objects.requireNonNull;

/**
 * One replica on this DataNode: where its files are, its generation stamp, state and lengths.
 * {@code bytesOnDisk} is what was written; {@code visibleLength} is what readers may see (the
 * acknowledged length of a replica being written, the whole replica once finalized).
 */
public final class Replica {
    private final long blockId;
    private final StorageDirectory volume;
    private final int bytesPerChecksum;
    private long generationStamp;
    private ReplicaState state;
    private long bytesOnDisk;
    private long visibleLength;
    private boolean corrupt;
    private ReplicaWriter writer;

    public Replica(long blockId, long generationStamp, ReplicaState state, long bytesOnDisk, StorageDirectory volume,
                   int bytesPerChecksum) {
        this.blockId = blockId;
        this.generationStamp = generationStamp;
        this.state = requireNonNull(state, "state is null");
        this.bytesOnDisk = bytesOnDisk;
        this.visibleLength = bytesOnDisk;
        this.volume = requireNonNull(volume, "volume is null");
        this.bytesPerChecksum = bytesPerChecksum;
    }

    public long blockId() {
        return blockId;
    }

    public StorageDirectory volume() {
        return volume;
    }

    public int bytesPerChecksum() {
        return bytesPerChecksum;
    }

    public synchronized long generationStamp() {
        return generationStamp;
    }

    synchronized void setGenerationStamp(long stamp) {
        this.generationStamp = stamp;
    }

    public synchronized ReplicaState state() {
        return state;
    }

    synchronized void setState(ReplicaState state) {
        this.state = state;
    }

    public synchronized long bytesOnDisk() {
        return bytesOnDisk;
    }

    synchronized void setBytesOnDisk(long length) {
        this.bytesOnDisk = length;
        if (visibleLength > length) {
            visibleLength = length;
        }
    }

    public synchronized long visibleLength() {
        return visibleLength;
    }

    /** A write pipeline acknowledged bytes up to {@code length}. */
    public synchronized void setVisibleLength(long length) {
        this.visibleLength = Math.min(length, bytesOnDisk);
    }

    public synchronized boolean isCorrupt() {
        return corrupt;
    }

    public synchronized void markCorrupt() {
        this.corrupt = true;
    }

    synchronized ReplicaWriter writer() {
        return writer;
    }

    synchronized void setWriter(ReplicaWriter writer) {
        this.writer = writer;
    }

    synchronized void clearWriter(ReplicaWriter closing) {
        if (writer == closing) {
            writer = null;
        }
    }

    /** True while a pipeline is writing this replica. */
    public synchronized boolean isBeingWritten() {
        return writer != null;
    }

    public synchronized Block toBlock() {
        return new Block(blockId, generationStamp, state == ReplicaState.FINALIZED ? bytesOnDisk : visibleLength);
    }

    public synchronized ReplicaReport toReport() {
        return new ReplicaReport(blockId, generationStamp, bytesOnDisk, state);
    }

    public Path blockFile() {
        return blockFile(state());
    }

    public Path metaFile() {
        ReplicaState currentState;
        long stamp;
        synchronized (this) {
            currentState = state;
            stamp = generationStamp;
        }
        return metaFile(currentState, stamp);
    }

    Path blockFile(ReplicaState inState) {
        return volume.dirFor(inState, blockId).resolve(blockFileName(blockId));
    }

    Path metaFile(ReplicaState inState, long stamp) {
        return volume.dirFor(inState, blockId).resolve(metaFileName(blockId, stamp));
    }

    public static String blockFileName(long blockId) {
        return "blk_" + blockId;
    }

    public static String metaFileName(long blockId, long stamp) {
        return "blk_" + blockId + "_" + stamp + ".meta";
    }

    @Override
    public synchronized String toString() {
        return "blk_" + blockId + "_" + generationStamp + "[" + state + ", " + bytesOnDisk + " bytes"
                + (corrupt ? ", corrupt" : "") + "]";
    }
}
