package io.quarry.dfs.namenode.journal;

import io.quarry.common.codec.MessageRegistrar;
import io.quarry.common.codec.MessageRegistry;

/** Codec ids of journal and checkpoint records (800-999). Part of the on-disk format: never renumber. */
public final class JournalMessages implements MessageRegistrar {
    @Override
    public void register(MessageRegistry registry) {
        registry.register(800, Records.MkdirRecord.class);
        registry.register(801, Records.CreateFileRecord.class);
        registry.register(802, Records.AddBlockRecord.class);
        registry.register(803, Records.UpdateBlockRecord.class);
        registry.register(804, Records.RemoveBlockRecord.class);
        registry.register(805, Records.GenerationStampRecord.class);
        registry.register(806, Records.CloseFileRecord.class);
        registry.register(807, Records.ReassignLeaseRecord.class);
        registry.register(808, Records.RenameRecord.class);
        registry.register(809, Records.DeleteRecord.class);
        registry.register(810, Records.SetReplicationRecord.class);
        registry.register(811, Records.SetPermissionRecord.class);
        registry.register(812, Records.SetOwnerRecord.class);
        registry.register(813, Records.Entry.class);
        registry.register(814, Records.CallRecord.class);
        registry.register(850, Records.CheckpointHeader.class);
        registry.register(851, Records.InodeImage.class);
        registry.register(852, Records.CheckpointFooter.class);
    }
}
