package io.quarry.dfs.namenode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarry.common.error.QuarryException;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Complete;
import io.quarry.dfs.protocol.client.CompleteReply;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.FileStatusReply;

/** Fake DataNodes on 127.0.0.1-4 (racks /r1: .1 .2, /r2: .3 .4) and helpers to write files through them. */
final class BlockTestSupport implements AutoCloseable {
    final TestCluster cluster;
    final List<FakeDatanode> datanodes = new ArrayList<>();

    BlockTestSupport(TestCluster cluster, int count) throws Exception {
        this.cluster = cluster;
        for (int i = 1; i <= count; i++) {
            FakeDatanode dn = new FakeDatanode("dn-" + i, "127.0.0." + i, 9866, cluster.conf(), () -> cluster.nameNode.rpcAddress());
            dn.register();
            datanodes.add(dn);
        }
    }

    static Path topology(Path dir) throws Exception {
        Path file = dir.resolve("topology.txt");
        Files.writeString(file, "127.0.0.1 /r1\n127.0.0.2 /r1\n127.0.0.3 /r2\n127.0.0.4 /r2\n");
        return file;
    }

    FakeDatanode byUuid(String uuid) {
        return datanodes.stream().filter(d -> d.id.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    List<FakeDatanode> of(LocatedBlock located) {
        List<FakeDatanode> out = new ArrayList<>();
        for (DatanodeId id : located.locations()) {
            out.add(byUuid(id.uuid()));
        }
        return out;
    }

    /** Writes a closed one-block file; every pipeline node reports the replica. Returns the block. */
    Block writeFile(TestCluster.Client client, String path, int replication, long length, String clientHost) throws Exception {
        long fileId = client.call(new Create(path, (short) 0644, client.name(), false, true, (short) replication, 1 << 20),
                FileStatusReply.class).status().fileId();
        LocatedBlock located = client.call(new AddBlock(path, fileId, client.name(), null, List.of(), clientHost), LocatedBlock.class);
        Block block = located.block().withNumBytes(length);
        for (FakeDatanode dn : of(located)) {
            dn.received(block);
        }
        if (!client.call(new Complete(path, fileId, client.name(), block), CompleteReply.class).completed()) {
            throw new AssertionError("complete of " + path + " failed");
        }
        return block;
    }

    void heartbeatAll() throws QuarryException {
        for (FakeDatanode dn : datanodes) {
            dn.heartbeat();
        }
    }

    void runMonitors() throws Exception {
        cluster.nameNode.runMonitors().get(10, TimeUnit.SECONDS);
        // Work the monitors queued (lease recoveries) runs next; this waits for it.
        cluster.nameNode.runMonitors().get(10, TimeUnit.SECONDS);
    }

    static Map<String, String> conf(Path topology) {
        return Map.of("net.topology.table.file.name", topology.toString(), "dfs.heartbeat.interval", "1s",
                "dfs.namenode.heartbeat.recheck-interval", "100ms", "dfs.namenode.redundancy.interval.seconds", "1s",
                "dfs.namenode.safemode.threshold-pct", "0", "quarry.namenode.lease.soft-limit", "10s",
                "dfs.namenode.lease-hard-limit-sec", "60s");
    }

    @Override
    public void close() {
        datanodes.forEach(FakeDatanode::close);
    }
}
