package io.quarry.minicluster.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.quarry.common.testing.Await;
import io.quarry.minicluster.BlockReplicas;
import io.quarry.minicluster.QfsTestClient;
import io.quarry.minicluster.QfsTestCluster;

/**
 * End-to-end QFS scenarios written against {@link QfsTestCluster}, so the same scenario runs on the
 * in-process cluster (here) and on the container cluster (module container-tests).
 */
public final class QfsScenarios {
    private QfsScenarios() {
    }

    /**
     * Multi-block files of odd lengths come back byte for byte, fsck calls them healthy, and the
     * replicas of every block sit on distinct hosts across exactly two racks (the cluster has two
     * racks and replication 3, block size {@code blockSize}).
     */
    public static void multiBlockFilesRoundTripOnRackAwareReplicas(QfsTestCluster cluster, int blockSize, long seed)
            throws IOException {
        Random random = new Random(seed);
        QfsTestClient client = cluster.client();
        Map<String, String> rackOf = new HashMap<>();
        for (int i = 0; i < cluster.numDataNodes(); i++) {
            rackOf.put(cluster.dataNodeHost(i), cluster.dataNodeRack(i));
        }
        int[] lengths = {blockSize * 3 + 12_345, blockSize - 1, blockSize * 2};
        for (int f = 0; f < lengths.length; f++) {
            String path = "/scenario/roundtrip/file-" + f;
            byte[] data = new byte[lengths[f]];
            random.nextBytes(data);
            client.write(path, data);

            assertThat(client.read(path)).as("bytes of %s (seed %s)", path, seed).isEqualTo(data);
            List<BlockReplicas> blocks = client.blocks(path);
            assertThat(blocks).as("blocks of %s", path).hasSize((lengths[f] + blockSize - 1) / blockSize);
            assertThat(blocks.stream().mapToLong(BlockReplicas::length).sum()).as("block lengths of %s", path).isEqualTo(lengths[f]);
            for (BlockReplicas block : blocks) {
                assertThat(block.hosts()).as("replicas of %s in %s", block.block(), path).hasSize(3).doesNotHaveDuplicates();
                Set<String> racks = new HashSet<>();
                for (String host : block.hosts()) {
                    assertThat(rackOf).as("racks known for the hosts of %s", block.block()).containsKey(host);
                    racks.add(rackOf.get(host));
                }
                assertThat(racks).as("racks of %s on %s", block.block(), block.hosts()).hasSize(2);
            }
        }
        assertThat(client.healthy("/scenario/roundtrip")).as("fsck /scenario/roundtrip").isTrue();
    }

    /** Waits until every block of {@code path} has exactly {@code replicas} live replicas, none on {@code absentHost}. */
    public static void awaitReplicas(QfsTestClient client, String path, int replicas, String absentHost, Duration timeout) {
        Await.untilNoException(replicas + " replicas of every block of " + path + " without " + absentHost, timeout, () -> {
            for (BlockReplicas block : client.blocks(path)) {
                assertThat(block.hosts()).as("replicas of %s", block.block()).hasSize(replicas).doesNotContain(absentHost);
            }
        });
    }
}
