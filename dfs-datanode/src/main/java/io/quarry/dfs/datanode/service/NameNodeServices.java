package io.quarry.dfs.datanode.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.datanode.transfer.ReplicaEvents;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.datanode.CommitBlockSynchronization;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;

/**
 * The DataNode's conversations with every NameNode it serves: one without HA; with HA, the active
 * and the standby alike get registrations, heartbeats and block reports, so the standby knows
 * where every replica is when it takes over. Only the active sends commands (a standby's heartbeat
 * replies carry none); calls a command makes go to whichever NameNode accepts them (the active).
 */
public final class NameNodeServices implements ReplicaEvents, NameNodeCalls, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameNodeServices.class);

    private final List<NameNodeService> services;
    private final CommandEpochs epochs = new CommandEpochs();
    private volatile int lastAccepted;

    public NameNodeServices(List<NameNodeService> services) {
        this.services = List.copyOf(requireNonNull(services, "services is null"));
        if (this.services.isEmpty()) {
            throw new IllegalArgumentException("A DataNode needs at least one NameNode");
        }
    }

    public void start(Consumer<List<DatanodeCommand>> commands) {
        requireNonNull(commands, "commands is null");
        for (NameNodeService service : services) {
            service.start((epoch, list) -> {
                boolean current = epochs.admit(epoch);
                if (list.isEmpty()) {
                    return;
                }
                if (current) {
                    commands.accept(list);
                } else {
                    LOG.warn("Dropping {} command(s) of NameNode epoch {}: a NameNode of epoch {} is active", list.size(), epoch,
                            epochs.newest());
                }
            });
        }
    }

    /** True once registered with every NameNode. */
    public boolean isRegistered() {
        for (NameNodeService service : services) {
            if (!service.isRegistered()) {
                return false;
            }
        }
        return true;
    }

    public void triggerBlockReport() {
        services.forEach(NameNodeService::triggerBlockReport);
    }

    @Override
    public void receiving(Block block) {
        services.forEach(service -> service.receiving(block));
    }

    @Override
    public void received(Block block) {
        services.forEach(service -> service.received(block));
    }

    public void deleted(Block block) {
        services.forEach(service -> service.deleted(block));
    }

    @Override
    public void corrupt(Block block, String reason) {
        services.forEach(service -> service.corrupt(block, reason));
    }

    /** Sent to the NameNode that accepted the last such call first, then to the others; a standby refuses it. */
    @Override
    public void commitBlockSynchronization(CommitBlockSynchronization commit) throws IOException {
        IOException last = null;
        int first = lastAccepted;
        for (int i = 0; i < services.size(); i++) {
            int index = (first + i) % services.size();
            try {
                services.get(index).commitBlockSynchronization(commit);
                lastAccepted = index;
                return;
            } catch (QuarryException e) {
                if (e.code() != ErrorCode.STANDBY && e.code() != ErrorCode.UNAVAILABLE && services.size() > 1) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void close() {
        services.forEach(NameNodeService::close);
    }
}
