package io.quarry.dfs.namenode.journal;

import io.quarry.dfs.protocol.Block;

/** The journal's record types. Wire ids in {@link JournalMessages}; never renumber. */
public final class Records {
    private Records() {
    }

    public record MkdirRecord(long inodeId, String path, String owner, String group, short permission, long mtime)
            implements JournalRecord {
    }

    public record CreateFileRecord(long inodeId, String path, String owner, String group, short permission, long mtime,
                                   short replication, long blockSize, String clientName, String clientMachine)
            implements JournalRecord {
    }

    /** Appends a new block (at its allocated id and stamp, 0 bytes) to an open file. */
    public record AddBlockRecord(long fileId, long blockId, long generationStamp) implements JournalRecord {
    }

    /** Sets the length and stamp of one block of a file. */
    public record UpdateBlockRecord(long fileId, Block block) implements JournalRecord {
    }

    public record RemoveBlockRecord(long fileId, long blockId) implements JournalRecord {
    }

    /** Reserves a generation stamp (pipeline or lease recovery) so it is never handed out twice. */
    public record GenerationStampRecord(long generationStamp) implements JournalRecord {
    }

    public record CloseFileRecord(long fileId, long mtime) implements JournalRecord {
    }

    public record ReassignLeaseRecord(long fileId, String clientName) implements JournalRecord {
    }

    public record RenameRecord(String src, String dst, long mtime) implements JournalRecord {
    }

    public record DeleteRecord(String path, long mtime) implements JournalRecord {
    }

    public record SetReplicationRecord(long fileId, short replication) implements JournalRecord {
    }

    public record SetPermissionRecord(long inodeId, short permission) implements JournalRecord {
    }

    public record SetOwnerRecord(long inodeId, String owner, String group) implements JournalRecord {
    }

    /**
     * The answer to a client call that changed the namespace, journalled after the call's own
     * records so every NameNode that replays them answers a retry of the call (same client and
     * call id, e.g. after a failover) with it instead of running the call again.
     */
    public record CallRecord(String clientId, long callId, Object reply) implements JournalRecord {
    }

    /** A journal entry: the transaction id and its record. */
    public record Entry(long txid, JournalRecord record) {
    }

    /** First entry of a checkpoint image. */
    public record CheckpointHeader(int layoutVersion, String clusterId, long lastTxid, long inodeCount, long lastInodeId,
                                   long lastBlockId, long lastGenerationStamp) {
    }

    /** One inode of a checkpoint image, parents before children. */
    public record InodeImage(long id, long parentId, String name, boolean directory, String owner, String group,
                             short permission, long mtime, long atime, short replication, long blockSize,
                             String clientName, String clientMachine, long[] blockTriples) {
    }

    /** Last entry of a checkpoint image, so a truncated image is never mistaken for a whole one. */
    public record CheckpointFooter(long inodeCount, long lastTxid) {
    }
}
