package io.quarry.minicluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.Path;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.DatanodeInfo;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetDatanodeReport;

/** A {@link MiniQfsCluster} seen through {@link QfsTestCluster}: the same scenarios as on the container cluster, in this JVM. */
public final class InProcessQfsTestCluster implements QfsTestCluster {
    private final MiniQfsCluster cluster;
    private final Client client = new Client();

    public InProcessQfsTestCluster(MiniQfsCluster cluster) {
        this.cluster = requireNonNull(cluster, "cluster is null");
    }

    /** The cluster underneath, for what the interface does not cover. */
    public MiniQfsCluster cluster() {
        return cluster;
    }

    @Override
    public int numDataNodes() {
        return cluster.numDataNodes();
    }

    @Override
    public String dataNodeHost(int index) {
        return cluster.layout().dataNodeHost(index);
    }

    @Override
    public String dataNodeRack(int index) {
        return cluster.layout().rack(index);
    }

    @Override
    public void killDataNode(int index) {
        cluster.killDataNode(index);
    }

    @Override
    public void restartDataNode(int index) throws IOException {
        cluster.restartDataNode(index);
        cluster.waitActive();
    }

    @Override
    public void killNameNode() {
        cluster.crashNameNode();
    }

    @Override
    public void restartNameNode() throws IOException {
        cluster.restartNameNode();
    }

    @Override
    public QfsTestClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        cluster.close();
    }

    private final class Client implements QfsTestClient {
        @Override
        public void write(String path, byte[] data) throws IOException {
            try (OutputStream out = cluster.fileSystem().create(new Path(path), false)) {
                out.write(data);
            }
        }

        @Override
        public byte[] read(String path) throws IOException {
            try (InputStream in = cluster.fileSystem().open(new Path(path))) {
                return in.readAllBytes();
            }
        }

        @Override
        public boolean exists(String path) throws IOException {
            return cluster.fileSystem().exists(new Path(path));
        }

        @Override
        public List<BlockReplicas> blocks(String path) throws IOException {
            QfsFileSystem fs = cluster.fileSystem();
            String qualified = fs.qualify(new Path(path)).path();
            LocatedBlocks located = fs.callNameNode(new GetBlockLocations(qualified, 0, Long.MAX_VALUE, "localhost"),
                    LocatedBlocks.class);
            List<BlockReplicas> blocks = new ArrayList<>();
            for (LocatedBlock block : located.blocks()) {
                List<String> hosts = new ArrayList<>();
                for (DatanodeId location : block.locations()) {
                    hosts.add(location.host());
                }
                blocks.add(new BlockReplicas(block.block().toString(), block.block().numBytes(), hosts));
            }
            return blocks;
        }

        @Override
        public boolean healthy(String path) throws IOException {
            for (FileStatus file : cluster.fileSystem().listFilesRecursive(new Path(path))) {
                for (BlockReplicas block : blocks(file.path().path())) {
                    if (block.hosts().isEmpty()) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public Set<String> liveDataNodes() throws IOException {
            return dataNodes(DatanodeState.LIVE);
        }

        @Override
        public Set<String> deadDataNodes() throws IOException {
            return dataNodes(DatanodeState.DEAD);
        }

        private Set<String> dataNodes(DatanodeState state) throws IOException {
            DatanodeReport report = cluster.fileSystem().callNameNode(new GetDatanodeReport(), DatanodeReport.class);
            Set<String> hosts = new TreeSet<>();
            for (DatanodeInfo info : report.datanodes()) {
                if (info.state() == state) {
                    hosts.add(info.id().host());
                }
            }
            return hosts;
        }
    }
}
