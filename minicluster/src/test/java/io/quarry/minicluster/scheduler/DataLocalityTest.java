package io.quarry.minicluster.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.minicluster.MiniQuarryCluster;

/**
 * Maps run where their blocks are: on 8 nodes in 2 racks, a 64-block input at replication 3, at
 * least 90% of the maps read a replica on their own node (the goal is 98%).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DataLocalityTest {
    private static final int BLOCK_SIZE = 64 * 1024;
    private static final int BLOCKS = 64;

    @TempDir
    java.nio.file.Path baseDir;

    @Test
    void atLeastNinetyPercentOfMapsAreDataLocal() throws Exception {
        try (MiniQuarryCluster cluster = MiniQuarryCluster.builder(baseDir).numNodes(8)
                .racks("/r1", "/r1", "/r1", "/r1", "/r2", "/r2", "/r2", "/r2").slots(2, 1)
                .set("dfs.blocksize", Integer.toString(BLOCK_SIZE)).set("dfs.replication", "3").build()) {
            FileSystem fs = cluster.fileSystem();
            Random random = new Random(Seeds.seed("atLeastNinetyPercentOfMapsAreDataLocal"));
            Path input = new Path("/locality/in.txt");
            long size = JobFiles.writeWords(fs, input, random, BLOCKS * BLOCK_SIZE - 200);
            assertThat(size).isGreaterThan((long) (BLOCKS - 1) * BLOCK_SIZE).isLessThanOrEqualTo((long) BLOCKS * BLOCK_SIZE);
            assertThat(fs.getFileBlockLocations(input, 0, Long.MAX_VALUE)).hasSize(BLOCKS)
                    .allSatisfy(block -> assertThat(block.hosts()).hasSize(3));

            Job job = GatedWordCount.create(cluster.jobConf(), input, new Path("/locality/out"), 2, null, null);
            assertThat(job.waitForCompletion(false)).as(job.status().failure()).isTrue();

            Counters counters = job.counters();
            long maps = counters.value(JobCounter.TOTAL_LAUNCHED_MAPS);
            long dataLocal = counters.value(JobCounter.DATA_LOCAL_MAPS);
            long rackLocal = counters.value(JobCounter.RACK_LOCAL_MAPS);
            long other = counters.value(JobCounter.OTHER_LOCAL_MAPS);
            System.out.println(String.format("Locality on 8 nodes, 64 blocks at replication 3: %d of %d maps data-local (%.1f%%), "
                    + "%d rack-local, %d other", dataLocal, maps, 100.0 * dataLocal / maps, rackLocal, other));
            assertThat(maps).isGreaterThanOrEqualTo(BLOCKS);
            assertThat(dataLocal + rackLocal + other).isEqualTo(maps);
            assertThat(dataLocal * 100).as("data-local maps %d of %d", dataLocal, maps).isGreaterThanOrEqualTo(90L * maps);
        }
    }
}
