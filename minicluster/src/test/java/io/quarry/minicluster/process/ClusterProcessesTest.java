package io.quarry.minicluster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.protocol.DatanodeState;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.examples.WordCount;
import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.Mapper;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.Text;

/**
 * The whole cluster as separate JVMs, as deployed: a NameNode, two DataNodes on 127.0.0.2 and
 * 127.0.0.3, a Scheduler, and a Worker beside each DataNode. WordCount submitted from this JVM
 * gives the right counts; then a Worker is SIGKILLed while every map slot holds an attempt of a
 * second job, and that job still succeeds with the same output.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterProcessesTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String[] HOSTS = {"127.0.0.2", "127.0.0.3"};
    private static final String SIGNAL_DIR = "test.signal.dir";

    @TempDir
    Path dir;
    private final List<DaemonProcess> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
    }

    private DaemonProcess start(String name, String mainClass, Map<String, String> conf) throws IOException {
        DaemonProcess daemon = DaemonProcess.start(name, mainClass, conf, dir.resolve("logs/" + name + ".log"), START);
        daemons.add(daemon);
        return daemon;
    }

    private static Map<String, String> common(int nameNodePort) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("fs.defaultFS", "qfs://127.0.0.1:" + nameNodePort);
        conf.put("dfs.namenode.rpc-address", "127.0.0.1:" + nameNodePort);
        conf.put("dfs.heartbeat.interval", "100ms");
        conf.put("dfs.namenode.safemode.extension", "0");
        conf.put("dfs.blocksize", "64k");
        conf.put("dfs.replication", "2");
        conf.put("quarry.rpc.retry.max-backoff", "500ms");
        return conf;
    }

    /**
     * Copies its split's words like WordCount's mapper, after leaving a marker file for its attempt
     * and waiting until the test leaves the release file (when the job names a signal directory).
     */
    public static final class SignalledTokenMapper extends Mapper<LongValue, Text, Text, LongValue> {
        private final WordCount.TokenMapper tokens = new WordCount.TokenMapper();

        @Override
        public void setup(TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            String signals = context.configuration().get(SIGNAL_DIR);
            if (signals == null) {
                return;
            }
            Path signalDir = Path.of(signals);
            Files.createFile(signalDir.resolve("started-" + context.taskAttemptId()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(signalDir.resolve("release"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no release file in " + signalDir + " within 60 s");
                }
                TimeUnit.MILLISECONDS.sleep(10);
                context.progress();
            }
        }

        @Override
        public void map(LongValue offset, Text line, TaskContext<Text, LongValue> context) throws IOException, InterruptedException {
            tokens.map(offset, line, context);
        }
    }

    private static Job wordCount(Configuration conf, String output, Path signals) {
        Job job = Job.create(conf, "wordcount");
        job.setMapperClass(SignalledTokenMapper.class);
        job.setCombinerClass(WordCount.SumReducer.class);
        job.setReducerClass(WordCount.SumReducer.class);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(LongValue.class);
        job.setNumReduceTasks(2);
        job.addInputPath(new io.quarry.dfs.Path("/in"));
        job.setOutputPath(new io.quarry.dfs.Path(output));
        if (signals != null) {
            job.set(SIGNAL_DIR, signals.toString());
        }
        return job;
    }

    @Test
    void wordCountRunsOnDaemonsInTheirOwnJvmsAndSurvivesASigkilledWorker() throws Exception {
        int port = freePort();
        Map<String, String> nameNode = new LinkedHashMap<>(common(port));
        nameNode.put("dfs.namenode.name.dir", dir.resolve("name").toString());
        nameNode.put("dfs.namenode.http-address", "127.0.0.1:0");
        start("namenode", "io.quarry.dfs.namenode.NameNode", nameNode);
        for (int i = 0; i < HOSTS.length; i++) {
            Map<String, String> dataNode = new LinkedHashMap<>(common(port));
            dataNode.put("dfs.datanode.data.dir", dir.resolve("data-" + i).toString());
            dataNode.put("dfs.datanode.address", HOSTS[i] + ":0");
            dataNode.put("dfs.datanode.http.address", HOSTS[i] + ":0");
            dataNode.put("dfs.datanode.hostname", HOSTS[i]);
            start("datanode-" + i, "io.quarry.dfs.datanode.DataNode", dataNode);
        }
        Map<String, String> schedulerConf = new LinkedHashMap<>(common(port));
        schedulerConf.put("quarry.scheduler.address", "127.0.0.1:0");
        schedulerConf.put("quarry.scheduler.worker.expiry", "1s");
        schedulerConf.put("quarry.scheduler.worker.expiry-check-interval", "100ms");
        String scheduler = start("scheduler", "io.quarry.scheduler.service.SchedulerDaemon", schedulerConf).address("rpc").toString();
        List<DaemonProcess> workers = new ArrayList<>();
        for (int i = 0; i < HOSTS.length; i++) {
            Map<String, String> worker = new LinkedHashMap<>(common(port));
            worker.put("quarry.scheduler.address", scheduler);
            worker.put("quarry.worker.hostname", HOSTS[i]);
            worker.put("quarry.worker.shuffle.address", HOSTS[i] + ":0");
            worker.put("quarry.worker.local.dir", dir.resolve("worker-" + i).toString());
            worker.put("quarry.worker.heartbeat.interval", "100ms");
            worker.put("mapreduce.tasktracker.map.tasks.maximum", "2");
            worker.put("mapreduce.tasktracker.reduce.tasks.maximum", "1");
            workers.add(start("worker-" + i, "io.quarry.scheduler.worker.WorkerDaemon", worker));
        }

        Configuration conf = Configuration.of(common(port))
                .with("mapreduce.framework.name", "cluster")
                .with("quarry.scheduler.address", scheduler);
        try (FileSystem fs = FileSystem.get(conf)) {
            Await.until("2 live DataNodes", START, () -> liveDataNodes((QfsFileSystem) fs) == HOSTS.length);
            Map<String, Long> expected = writeInput(fs, new Random(Seeds.seed("wordCountRunsOnDaemonsInTheirOwnJvms")));

            Job first = wordCount(conf, "/out-1", null);
            assertThat(first.waitForCompletion(false)).as(first.status().failure()).isTrue();
            assertThat(counts(fs, "/out-1")).isEqualTo(expected);

            Path signals = Files.createDirectories(dir.resolve("signals"));
            Job second = wordCount(conf, "/out-2", signals);
            second.submit();
            Await.until("an attempt in each of the 4 map slots", START, () -> startedAttempts(signals) >= 4);
            workers.get(1).kill();
            Files.createFile(signals.resolve("release"));
            assertThat(second.waitForCompletion(false)).as(second.status().failure()).isTrue();
            assertThat(second.counters().value(JobCounter.TOTAL_LAUNCHED_MAPS)).as("the killed Worker's maps re-ran")
                    .isGreaterThanOrEqualTo(6);
            assertThat(counts(fs, "/out-2")).isEqualTo(expected);
        }
    }

    /** Four blocks of words; returns their counts. */
    private static Map<String, Long> writeInput(FileSystem fs, Random random) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        while (text.length() < 4 * 64 * 1024 - 100) {
            String word = "w" + random.nextInt(500);
            counts.merge(word, 1L, Long::sum);
            text.append(word).append(random.nextInt(8) == 0 ? '\n' : ' ');
        }
        text.append('\n');
        try (OutputStream out = fs.create(new io.quarry.dfs.Path("/in/words.txt"), true)) {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(fs.getFileBlockLocations(new io.quarry.dfs.Path("/in/words.txt"), 0, Long.MAX_VALUE)).hasSize(4);
        return counts;
    }

    private static Map<String, Long> counts(FileSystem fs, String output) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (FileStatus status : fs.listStatus(new io.quarry.dfs.Path(output))) {
            names.add(status.path().name());
            if (status.path().name().startsWith("part-")) {
                try (var in = fs.open(status.path())) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isEmpty()) {
                            String[] fields = line.split("\t");
                            assertThat(counts.put(fields[0], Long.parseLong(fields[1]))).as("%s appears once", fields[0]).isNull();
                        }
                    }
                }
            }
        }
        assertThat(names).contains("_SUCCESS", "part-r-00000", "part-r-00001");
        return counts;
    }

    private static long startedAttempts(Path signals) {
        try (var files = Files.list(signals)) {
            return files.filter(file -> file.getFileName().toString().startsWith("started-")).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + signals, e);
        }
    }

    private static long liveDataNodes(QfsFileSystem fs) {
        try {
            DatanodeReport report = fs.callNameNode(new GetDatanodeReport(), DatanodeReport.class);
            return report.datanodes().stream().filter(node -> node.state() == DatanodeState.LIVE).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
