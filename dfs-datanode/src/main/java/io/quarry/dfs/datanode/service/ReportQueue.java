package io.quarry.dfs.datanode.service;

import java.util.ArrayList;
import java.util.List;

import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.datanode.ReplicaChange;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.datanode.ReportCorruptReplica;

/** Replica changes and corrupt-replica reports waiting to go to the NameNode; wakes the sender when one arrives. */
final class ReportQueue {
    private final List<ReplicaChange> changes = new ArrayList<>();
    private final List<ReportCorruptReplica> corrupt = new ArrayList<>();
    private boolean wakeUp;

    synchronized void add(Block block, ReplicaChangeType type) {
        changes.add(new ReplicaChange(block, type));
        wake();
    }

    synchronized void addCorrupt(ReportCorruptReplica report) {
        corrupt.add(report);
        wake();
    }

    synchronized List<ReplicaChange> drainChanges() {
        List<ReplicaChange> drained = new ArrayList<>(changes);
        changes.clear();
        return drained;
    }

    synchronized void requeueChanges(List<ReplicaChange> failed) {
        changes.addAll(0, failed);
    }

    synchronized List<ReportCorruptReplica> drainCorrupt() {
        List<ReportCorruptReplica> drained = new ArrayList<>(corrupt);
        corrupt.clear();
        return drained;
    }

    synchronized void requeueCorrupt(List<ReportCorruptReplica> failed) {
        corrupt.addAll(0, failed);
    }

    synchronized boolean hasPending() {
        return !changes.isEmpty() || !corrupt.isEmpty();
    }

    synchronized void wake() {
        wakeUp = true;
        notifyAll();
    }

    /** Waits until woken or {@code millis} pass. */
    synchronized void await(long millis) throws InterruptedException {
        if (!wakeUp && millis > 0) {
            wait(millis);
        }
        wakeUp = false;
    }
}
