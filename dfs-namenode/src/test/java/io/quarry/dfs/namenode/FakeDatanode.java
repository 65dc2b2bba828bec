package io.quarry.dfs.namenode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcClient;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.ReplicaState;
import io.quarry.dfs.protocol.datanode.BlockReport;
import io.quarry.dfs.protocol.datanode.DatanodeCommand;
import io.quarry.dfs.protocol.datanode.Heartbeat;
import io.quarry.dfs.protocol.datanode.HeartbeatReply;
import io.quarry.dfs.protocol.datanode.IncrementalBlockReport;
import io.quarry.dfs.protocol.datanode.RegisterDatanode;
import io.quarry.dfs.protocol.datanode.RegistrationReply;
import io.quarry.dfs.protocol.datanode.ReplicaChange;
import io.quarry.dfs.protocol.datanode.ReplicaChangeType;
import io.quarry.dfs.protocol.datanode.ReplicaReport;

/** A hand-written DataNode that speaks the DataNode protocol over real RPC and keeps its replicas in a map. */
final class FakeDatanode implements AutoCloseable {
    final DatanodeId id;
    private final RpcClient rpc;
    private final java.util.function.Supplier<HostAndPort> nameNode;
    final Map<Long, Block> replicas = new ConcurrentHashMap<>();
    final List<DatanodeCommand> commands = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeDatanode(String uuid, String host, int port, Configuration conf, java.util.function.Supplier<HostAndPort> nameNode) {
        this.id = new DatanodeId(uuid, host, port, port + 1);
        this.rpc = new RpcClient("fake-dn-" + uuid, conf);
        this.nameNode = nameNode;
    }

    String register() throws QuarryException {
        return rpc.call(nameNode.get(), new RegisterDatanode(id, 1L << 40, "test"), RegistrationReply.class).clusterId();
    }

    HeartbeatReply heartbeat() throws QuarryException {
        HeartbeatReply reply = rpc.call(nameNode.get(), new Heartbeat(id.uuid(), 1L << 40, 0, 1L << 40, 0, 0), HeartbeatReply.class);
        commands.addAll(reply.commands());
        return reply;
    }

    void blockReport() throws QuarryException {
        List<ReplicaReport> reports = new ArrayList<>();
        for (Block block : replicas.values()) {
            reports.add(new ReplicaReport(block.blockId(), block.generationStamp(), block.numBytes(), ReplicaState.FINALIZED));
        }
        rpc.call(nameNode.get(), new BlockReport(id.uuid(), reports), Object.class);
    }

    void blockReport(List<ReplicaReport> reports) throws QuarryException {
        rpc.call(nameNode.get(), new BlockReport(id.uuid(), reports), Object.class);
    }

    void received(Block block) throws QuarryException {
        replicas.put(block.blockId(), block);
        rpc.call(nameNode.get(), new IncrementalBlockReport(id.uuid(), List.of(new ReplicaChange(block, ReplicaChangeType.RECEIVED))),
                Object.class);
    }

    void receiving(Block block) throws QuarryException {
        rpc.call(nameNode.get(), new IncrementalBlockReport(id.uuid(), List.of(new ReplicaChange(block, ReplicaChangeType.RECEIVING))),
                Object.class);
    }

    void deleted(Block block) throws QuarryException {
        replicas.remove(block.blockId());
        rpc.call(nameNode.get(), new IncrementalBlockReport(id.uuid(), List.of(new ReplicaChange(block, ReplicaChangeType.DELETED))),
                Object.class);
    }

    <T extends DatanodeCommand> List<T> commandsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (DatanodeCommand command : commands) {
            if (type.isInstance(command)) {
                out.add(type.cast(command));
            }
        }
        return out;
    }

    @Override
    public void close() {
        rpc.close();
    }
}
