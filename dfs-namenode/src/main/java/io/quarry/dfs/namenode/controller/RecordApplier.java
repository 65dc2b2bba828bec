package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import io.quarry.dfs.namenode.journal.JournalRecord;
import io.quarry.dfs.namenode.journal.Records.AddBlockRecord;
import io.quarry.dfs.namenode.journal.Records.CallRecord;
import io.quarry.dfs.namenode.journal.Records.CloseFileRecord;
import io.quarry.dfs.namenode.journal.Records.CreateFileRecord;
import io.quarry.dfs.namenode.journal.Records.DeleteRecord;
import io.quarry.dfs.namenode.journal.Records.GenerationStampRecord;
import io.quarry.dfs.namenode.journal.Records.MkdirRecord;
import io.quarry.dfs.namenode.journal.Records.ReassignLeaseRecord;
import io.quarry.dfs.namenode.journal.Records.RemoveBlockRecord;
import io.quarry.dfs.namenode.journal.Records.RenameRecord;
import io.quarry.dfs.namenode.journal.Records.SetOwnerRecord;
import io.quarry.dfs.namenode.journal.Records.SetPermissionRecord;
import io.quarry.dfs.namenode.journal.Records.SetReplicationRecord;
import io.quarry.dfs.namenode.journal.Records.UpdateBlockRecord;
import io.quarry.dfs.namenode.namespace.FsDirectory;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeDirectory;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.namenode.namespace.PathNames;
import io.quarry.dfs.protocol.Block;

/**
 * Applies journal records to the state. The one path by which the namespace changes: live
 * operations and startup replay both come through here.
 */
public final class RecordApplier {
    private final MetadataState state;
    private final RetryCache retryCache;

    public RecordApplier(MetadataState state) {
        this(state, null);
    }

    /** @param retryCache receives the call records; null to ignore them */
    public RecordApplier(MetadataState state, RetryCache retryCache) {
        this.state = requireNonNull(state, "state is null");
        this.retryCache = retryCache;
    }

    public void apply(JournalRecord record) {
        FsDirectory dir = state.directory();
        if (record instanceof MkdirRecord r) {
            dir.add(PathNames.parent(r.path()), new INodeDirectory(r.inodeId(), PathNames.name(r.path()), r.owner(), r.group(),
                    r.permission(), r.mtime()));
        } else if (record instanceof CreateFileRecord r) {
            dir.add(PathNames.parent(r.path()), new INodeFile(r.inodeId(), PathNames.name(r.path()), r.owner(), r.group(),
                    r.permission(), r.mtime(), r.replication(), r.blockSize(), r.clientName(), r.clientMachine()));
            state.leases().add(r.clientName(), r.inodeId());
        } else if (record instanceof AddBlockRecord r) {
            INodeFile file = file(r.fileId(), record);
            Block previous = file.lastBlock();
            if (previous != null) {
                state.blocks().complete(previous.blockId());
            }
            Block block = new Block(r.blockId(), r.generationStamp(), 0);
            file.addBlock(block);
            state.blocks().add(file, block);
            dir.noteBlock(r.blockId(), r.generationStamp());
        } else if (record instanceof UpdateBlockRecord r) {
            INodeFile file = file(r.fileId(), record);
            int index = file.blockIndex(r.block().blockId());
            if (index < 0) {
                throw new IllegalStateException(record + ": file " + r.fileId() + " has no such block");
            }
            file.setBlock(index, r.block());
            state.blocks().update(r.block());
            dir.noteGenerationStamp(r.block().generationStamp());
        } else if (record instanceof RemoveBlockRecord r) {
            INodeFile file = file(r.fileId(), record);
            int index = file.blockIndex(r.blockId());
            if (index >= 0) {
                file.removeBlock(index);
            }
            state.blocks().remove(r.blockId());
        } else if (record instanceof GenerationStampRecord r) {
            dir.noteGenerationStamp(r.generationStamp());
        } else if (record instanceof CloseFileRecord r) {
            INodeFile file = file(r.fileId(), record);
            if (file.clientName() != null) {
                state.leases().remove(file.clientName(), file.id());
            }
            file.close();
            file.setModificationTime(r.mtime());
            Block last = file.lastBlock();
            if (last != null) {
                state.blocks().complete(last.blockId());
            }
        } else if (record instanceof ReassignLeaseRecord r) {
            INodeFile file = file(r.fileId(), record);
            state.leases().remove(file.clientName(), file.id());
            file.setClientName(r.clientName());
            state.leases().add(r.clientName(), file.id());
        } else if (record instanceof RenameRecord r) {
            dir.move(r.src(), r.dst(), r.mtime());
        } else if (record instanceof DeleteRecord r) {
            for (INodeFile file : dir.remove(r.path(), r.mtime())) {
                if (file.clientName() != null) {
                    state.leases().remove(file.clientName(), file.id());
                }
                for (Block block : file.blocks()) {
                    state.blocks().remove(block.blockId());
                }
            }
        } else if (record instanceof SetReplicationRecord r) {
            INodeFile file = file(r.fileId(), record);
            file.setReplication(r.replication());
            for (Block block : file.blocks()) {
                if (state.blocks().get(block.blockId()) != null && state.blocks().get(block.blockId()).isComplete()) {
                    state.blocks().needsCheck().add(block.blockId());
                }
            }
        } else if (record instanceof SetPermissionRecord r) {
            inode(r.inodeId(), record).setPermission(r.permission());
        } else if (record instanceof SetOwnerRecord r) {
            INode node = inode(r.inodeId(), record);
            if (r.owner() != null) {
                node.setOwner(r.owner());
            }
            if (r.group() != null) {
                node.setGroup(r.group());
            }
        } else if (record instanceof CallRecord r) {
            if (retryCache != null) {
                retryCache.record(r.clientId(), r.callId(), r.reply());
            }
        } else {
            throw new IllegalStateException("Unknown journal record " + record.getClass().getName());
        }
    }

    private INode inode(long id, JournalRecord record) {
        INode node = state.directory().byId(id);
        if (node == null) {
            throw new IllegalStateException(record + ": no inode " + id);
        }
        return node;
    }

    private INodeFile file(long id, JournalRecord record) {
        if (!(inode(id, record) instanceof INodeFile file)) {
            throw new IllegalStateException(record + ": inode " + id + " is not a file");
        }
        return file;
    }
}
