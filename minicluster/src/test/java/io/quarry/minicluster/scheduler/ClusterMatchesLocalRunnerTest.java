package io.quarry.minicluster.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.examples.WordCount;
import io.quarry.examples.tera.RowRangeInputFormat;
import io.quarry.examples.tera.TeraGen;
import io.quarry.examples.tera.TeraSort;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.minicluster.MiniQuarryCluster;

/**
 * The example jobs give byte-identical output on a 4-node cluster and in the in-process runner,
 * reading the same input from the same QFS.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterMatchesLocalRunnerTest {
    private static final String SAMPLE_SIZE = "quarry.job.terasort.sample-size";
    @TempDir
    static java.nio.file.Path baseDir;
    private MiniQuarryCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = MiniQuarryCluster.builder(baseDir).numNodes(4).slots(2, 2)
                .set("dfs.blocksize", "64k").set("dfs.replication", "2").build();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The in-process runner, reading and writing the cluster's filesystem. */
    private Configuration localConf() {
        return cluster.qfs().conf()
                .with(MapReduceConfigKeys.FRAMEWORK_NAME, "local")
                .with(MapReduceConfigKeys.LOCAL_DIRS, baseDir.resolve("local-runner").toString());
    }

    @Test
    void wordCountOnTheClusterEqualsTheInProcessRunnerByteForByte() throws Exception {
        FileSystem fs = cluster.fileSystem();
        Random random = new Random(Seeds.seed("wordCountOnTheClusterEqualsTheInProcessRunnerByteForByte"));
        JobFiles.writeWords(fs, new Path("/wc/in/a.txt"), random, 400_000);
        JobFiles.writeWords(fs, new Path("/wc/in/b.txt"), random, 150_000);

        assertThat(new WordCount().run(cluster.jobConf().with(MapReduceConfigKeys.NUM_REDUCES, "3"),
                new String[] {"/wc/in", "/wc/cluster"})).isZero();
        assertThat(new WordCount().run(localConf().with(MapReduceConfigKeys.NUM_REDUCES, "3"),
                new String[] {"/wc/in", "/wc/local"})).isZero();

        Map<String, byte[]> onCluster = JobFiles.parts(fs, new Path("/wc/cluster"));
        Map<String, byte[]> inProcess = JobFiles.parts(fs, new Path("/wc/local"));
        assertThat(onCluster.keySet()).containsExactly("part-r-00000", "part-r-00001", "part-r-00002");
        assertThat(onCluster.keySet()).isEqualTo(inProcess.keySet());
        for (String part : onCluster.keySet()) {
            assertThat(onCluster.get(part)).as(part).isNotEmpty().isEqualTo(inProcess.get(part));
        }
        assertThat(JobFiles.names(fs, new Path("/wc/cluster"))).contains("_SUCCESS").doesNotContain("_temporary");
    }

    @Test
    void teraSortOnTheClusterEqualsTheInProcessRunnerByteForByte() throws Exception {
        FileSystem fs = cluster.fileSystem();
        assertThat(new TeraGen().run(localConf().with(RowRangeInputFormat.MAP_TASKS, "4"),
                new String[] {"20000", "/tera/in"})).isZero();

        Configuration sort = cluster.jobConf().with(MapReduceConfigKeys.NUM_REDUCES, "4").with(SAMPLE_SIZE, "2000");
        assertThat(new TeraSort().run(sort, new String[] {"/tera/in", "/tera/cluster"})).isZero();
        Configuration localSort = localConf().with(MapReduceConfigKeys.NUM_REDUCES, "4").with(SAMPLE_SIZE, "2000");
        assertThat(new TeraSort().run(localSort, new String[] {"/tera/in", "/tera/local"})).isZero();

        Map<String, byte[]> onCluster = JobFiles.parts(fs, new Path("/tera/cluster"));
        Map<String, byte[]> inProcess = JobFiles.parts(fs, new Path("/tera/local"));
        assertThat(onCluster).hasSize(4);
        assertThat(onCluster.keySet()).isEqualTo(inProcess.keySet());
        long bytes = 0;
        for (String part : onCluster.keySet()) {
            assertThat(onCluster.get(part)).as(part).isEqualTo(inProcess.get(part));
            bytes += onCluster.get(part).length;
        }
        assertThat(bytes).isEqualTo(20000L * 100);
    }
}
