package io.quarry.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;

/** The compute part of the mini cluster: Workers beside the DataNodes, the job configuration, kill and restart. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MiniQuarryClusterTest {
    @TempDir
    java.nio.file.Path baseDir;

    @Test
    void eachWorkerRunsOnItsDataNodesAddressAndJobsGoToTheScheduler() throws Exception {
        try (MiniQuarryCluster cluster = MiniQuarryCluster.builder(baseDir).numNodes(3).racks("/r1", "/r1", "/r2").build()) {
            assertThat(cluster.numWorkers()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                String host = "127.0.0." + (i + 2);
                assertThat(cluster.qfs().dataNode(i).transferAddress().host()).isEqualTo(host);
                assertThat(cluster.worker(i).addresses().get("shuffle").host()).isEqualTo(host);
                assertThat(cluster.worker(i).workerId()).startsWith(host + ":");
                assertThat(cluster.worker(i).isRegistered()).isTrue();
            }
            assertThat(cluster.scheduler().server().address().host()).isEqualTo("127.0.0.1");
            assertThat(cluster.jobConf().get("mapreduce.framework.name")).isEqualTo("cluster");
            assertThat(cluster.jobConf().get("quarry.scheduler.address")).isEqualTo(cluster.scheduler().server().address().toString());
            assertThat(cluster.jobConf().get("fs.defaultFS")).isEqualTo(cluster.qfs().conf().get("fs.defaultFS"));
        }
    }

    @Test
    void aKilledWorkerRestartsOnItsAddressAndTakesWorkAgain() throws Exception {
        try (MiniQuarryCluster cluster = MiniQuarryCluster.builder(baseDir).numNodes(2).set("dfs.replication", "2").build()) {
            String firstId = cluster.worker(1).workerId();
            cluster.killWorker(1);
            assertThatThrownBy(() -> cluster.worker(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Worker 1");

            cluster.restartWorker(1);
            assertThat(cluster.worker(1).isRegistered()).isTrue();
            assertThat(cluster.worker(1).workerId()).startsWith("127.0.0.3:").isNotEqualTo(firstId);

            cluster.stopWorker(0);
            try (OutputStream out = cluster.fileSystem().create(new Path("/in/lines.txt"), true)) {
                out.write("one\ntwo\nthree\n".getBytes(StandardCharsets.US_ASCII));
            }
            Job job = Job.create(cluster.jobConf(), "copy");
            job.setMapperClass(Mapper.class);
            job.setOutputKeyClass(LongValue.class);
            job.setOutputValueClass(Text.class);
            job.setNumReduceTasks(0);
            job.addInputPath(new Path("/in"));
            job.setOutputPath(new Path("/out"));
            assertThat(job.waitForCompletion(false)).as("only the restarted Worker runs tasks: %s", job.status().failure()).isTrue();
            assertThat(cluster.fileSystem().exists(new Path("/out/_SUCCESS"))).isTrue();
        }
    }
}
