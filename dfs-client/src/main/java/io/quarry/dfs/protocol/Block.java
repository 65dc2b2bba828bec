package io.quarry.dfs.protocol;

/**
 * A block of a file. The generation stamp changes whenever a replica's contents may have diverged
 * (pipeline recovery, lease recovery), so replicas with an older stamp are known to be stale.
 */
public record Block(long blockId, long generationStamp, long numBytes) {
    public Block {
        if (numBytes < 0) {
            throw new IllegalArgumentException("numBytes is negative: " + numBytes);
        }
    }

    public Block withGenerationStamp(long stamp) {
        return new Block(blockId, stamp, numBytes);
    }

    public Block withNumBytes(long length) {
        return new Block(blockId, generationStamp, length);
    }

    /** {@code blk_<id>_<generation stamp>}, as in logs and fsck output. */
    public String name() {
        return "blk_" + blockId + "_" + generationStamp;
    }

    @Override
    public String toString() {
        return name();
    }
}
