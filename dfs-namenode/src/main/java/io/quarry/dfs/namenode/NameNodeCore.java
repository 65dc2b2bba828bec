package io.quarry.dfs.namenode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.codec.KryoCodec;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.blocks.BlockManager;
import io.quarry.dfs.namenode.blocks.PendingTransfers;
import io.quarry.dfs.namenode.blocks.ReplicationMonitor;
import io.quarry.dfs.namenode.controller.Checkpointer;
import io.quarry.dfs.namenode.controller.Controller;
import io.quarry.dfs.namenode.controller.MetadataState;
import io.quarry.dfs.namenode.controller.Monitors;
import io.quarry.dfs.namenode.controller.NamespaceImage;
import io.quarry.dfs.namenode.controller.Operations;
import io.quarry.dfs.namenode.controller.RecordApplier;
import io.quarry.dfs.namenode.controller.RetryCache;
import io.quarry.dfs.namenode.controller.ServiceRole;
import io.quarry.dfs.namenode.datanodes.DatanodeManager;
import io.quarry.dfs.namenode.datanodes.Topology;
import io.quarry.dfs.namenode.journal.CheckpointStore;
import io.quarry.dfs.namenode.journal.FileJournal;
import io.quarry.dfs.namenode.journal.ImageStore;
import io.quarry.dfs.namenode.journal.Journal;
import io.quarry.dfs.namenode.journal.NameDirectory;
import io.quarry.dfs.namenode.leases.LeaseManager;
import io.quarry.dfs.namenode.namespace.FsDirectory;
import io.quarry.dfs.namenode.namespace.PermissionChecker;
import io.quarry.dfs.namenode.placement.RackAwarePlacement;
import io.quarry.dfs.namenode.safemode.SafeMode;

/** The NameNode without its network front: state loaded from disk, the controller, journal, checkpoints and monitors. */
final class NameNodeCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameNodeCore.class);

    private final MetadataState state;
    private final Journal journal;
    private final Controller controller;
    private final Operations ops;
    private final Checkpointer checkpointer;
    private final Monitors monitors;
    private final ReplicationMonitor replication;
    private final ServiceRole role;
    private final RecordApplier applier;
    private final RetryCache retryCache;
    private volatile NameNodeStats stats = NameNodeStats.EMPTY;

    /** Where the namespace is kept: the journal and the checkpoint images, and the cluster they belong to. */
    record Storage(String clusterId, Journal journal, ImageStore images) {
    }

    private NameNodeCore(MetadataState state, Journal journal, Controller controller, Operations ops, Checkpointer checkpointer,
                         ReplicationMonitor replication, ServiceRole role, RecordApplier applier, RetryCache retryCache) {
        this.state = state;
        this.journal = journal;
        this.controller = controller;
        this.ops = ops;
        this.checkpointer = checkpointer;
        this.replication = replication;
        this.role = role;
        this.applier = applier;
        this.retryCache = retryCache;
        this.monitors = new Monitors(state, controller, ops.datanodes(), ops.leases(), replication, checkpointer, this::publishStats,
                role);
    }

    /** The single NameNode: checkpoints and journal segments in its name directory, always active. */
    static NameNodeCore load(NameNodeConfig config, Clock clock, FaultHandler faultHandler, KryoCodec codec, Random random)
            throws IOException {
        NameDirectory nameDir = NameDirectory.openOrFormat(config.nameDir(), config.clusterId());
        Storage storage = new Storage(nameDir.clusterId(), new FileJournal(nameDir.path(), codec, faultHandler, config.journalMaxBatch(),
                config.journalSync()),
                new CheckpointStore(nameDir.path(), codec, nameDir.clusterId()));
        return load(config, clock, faultHandler, random, storage, ServiceRole.active(), null);
    }

    /**
     * Loads the newest image and the journal after it from {@code storage}.
     *
     * @param retryCache filled from the journal's call records; null when calls are not cached
     */
    static NameNodeCore load(NameNodeConfig config, Clock clock, FaultHandler faultHandler, Random random, Storage storage,
                             ServiceRole role, RetryCache retryCache) throws IOException {
        long started = clock.nanoTime();
        DatanodeManager datanodes = new DatanodeManager(Topology.load(config.topologyFile()), clock, config.deadAfter());
        BlockManager blocks = new BlockManager(datanodes);
        MetadataState state = new MetadataState(config, clock,
                new FsDirectory(config.superuser(), config.superuserGroup(), 0L), blocks, datanodes,
                new LeaseManager(clock, config.leaseSoftLimit().toNanos(), config.leaseHardLimit().toNanos()),
                new SafeMode(clock, config.safeModeThreshold(), config.safeModeMinDatanodes(), config.safeModeExtension().toNanos()),
                new PendingTransfers(), new RackAwarePlacement(datanodes, random), new PermissionChecker(config.permissionsEnabled()),
                storage.clusterId());
        RecordApplier applier = new RecordApplier(state, retryCache);
        ImageStore store = storage.images();
        NamespaceImage image = new NamespaceImage(state);
        CheckpointStore.Image loaded = store.loadNewest();
        long checkpointTxid = 0;
        if (loaded != null) {
            image.load(loaded.header(), loaded.inodes());
            checkpointTxid = loaded.header().lastTxid();
        }
        Journal journal = storage.journal();
        if (!journal.syncs()) {
            LOG.warn("Journal of cluster {} is not synced ({} = false): a crash of the machine can lose acknowledged changes",
                    storage.clusterId(), NameNodeConfigKeys.JOURNAL_SYNC.name());
        }
        long[] replayed = new long[1];
        long lastTxid = journal.replay(checkpointTxid, (txid, record) -> {
            applier.apply(record);
            replayed[0]++;
        });
        LOG.info("Loaded namespace of cluster {} from {}: checkpoint at txid {} + {} journal entries (last txid {}); {} files, "
                        + "{} directories, {} blocks in {} ms", storage.clusterId(), storage.images(), checkpointTxid, replayed[0], lastTxid,
                state.directory().fileCount(), state.directory().directoryCount(), blocks.size(),
                (clock.nanoTime() - started) / 1_000_000);
        Controller controller = new Controller(journal, applier, faultHandler);
        Operations ops = Operations.create(state, random, role);
        Checkpointer checkpointer = new Checkpointer(journal, store, image, clock, config.checkpointPeriod(), config.checkpointTxns(),
                config.checkpointsRetained(), checkpointTxid);
        ReplicationMonitor replication = new ReplicationMonitor(blocks, datanodes, state.placement(), state.pendingTransfers(), clock,
                config.maxStreams(), config.redundancyInterval().multipliedBy(10).toNanos());
        NameNodeCore core = new NameNodeCore(state, journal, controller, ops, checkpointer, replication, role, applier, retryCache);
        controller.start();
        return core;
    }

    /** Controller thread: snapshots the counts other threads read. */
    private void publishStats() {
        int live = state.datanodes().liveCount();
        stats = new NameNodeStats(state.directory().fileCount(), state.directory().directoryCount(), state.blocks().size(),
                state.blocks().completeBlocks(), state.blocks().safeBlocks(), live, state.datanodes().all().size() - live,
                replication.underReplicated(), state.pendingTransfers().size(), state.leases().count(),
                state.safeMode().isOn(), state.safeMode().status(), journal.lastAppendedTxid(), journal.lastDurableTxid());
    }

    NameNodeStats stats() {
        return stats;
    }

    Map<String, Object> status() {
        NameNodeStats s = stats;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", "namenode");
        if (retryCache != null) {
            out.put("haState", role.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.put("clusterId", state.clusterId());
        out.put("safeMode", s.safeModeStatus());
        out.put("files", s.files());
        out.put("directories", s.directories());
        out.put("blocks", s.blocks());
        out.put("liveDatanodes", s.liveDatanodes());
        out.put("deadDatanodes", s.deadDatanodes());
        out.put("underReplicatedBlocks", s.underReplicated());
        out.put("pendingReplications", s.pendingReplications());
        out.put("leases", s.leases());
        out.put("lastTxid", s.lastTxid());
        out.put("durableTxid", s.durableTxid());
        out.put("journalSyncs", journal.syncCount());
        out.put("nameDir", state.config().nameDir().toString());
        return out;
    }

    String clusterId() {
        return state.clusterId();
    }

    ServiceRole role() {
        return role;
    }

    RecordApplier applier() {
        return applier;
    }

    /** Null when calls are not cached (no HA). */
    RetryCache retryCache() {
        return retryCache;
    }

    Journal journal() {
        return journal;
    }

    Controller controller() {
        return controller;
    }

    Operations ops() {
        return ops;
    }

    Checkpointer checkpointer() {
        return checkpointer;
    }

    Monitors monitors() {
        return monitors;
    }

    @Override
    public void close() {
        controller.close();
        checkpointer.close();
        journal.close();
    }

    void abort() {
        journal.abort();
        controller.abort();
        checkpointer.abort();
    }
}
