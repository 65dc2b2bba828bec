package io.quarry.minicluster.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Container.ExecResult;

import io.quarry.common.testing.Await;
import io.quarry.common.testing.Seeds;

/**
 * A jar job (WordCount from jobs-examples, submitted with {@code quarry jar} from the client host) on
 * four hosts, each a DataNode and a Worker: on an idle cluster every map runs where its block is,
 * and with a Worker host killed mid-job the output is the same.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordCountContainerTest {
    private static final int MIB = 1024 * 1024;
    private static final int BLOCKS = 6;
    private static final String[] WORDS = {"quarry", "block", "replica", "rack", "shuffle", "reduce", "map", "split", "node", "fence"};
    private static final String WORDCOUNT = "quarry jar /opt/quarry/lib/quarry-jobs-examples-*.jar wordcount ";
    private static ContainerQfsCluster cluster;
    private static Map<String, Long> expected;

    @BeforeAll
    static void startClusterAndWriteInput() throws Exception {
        cluster = ContainerQfsCluster.builder().numDataNodes(4).racks("/r1", "/r1", "/r2", "/r2").workers(true)
                .set("mapreduce.tasktracker.map.tasks.maximum", "1")
                .set("mapreduce.tasktracker.reduce.tasks.maximum", "1")
                // Delay scheduling: a map waits (up to ~50 s of heartbeats) for a slot on a node with its block.
                .set("quarry.scheduler.locality.node-delay", "1000")
                .set("mapreduce.map.speculative", "false")
                .set("mapreduce.reduce.speculative", "false")
                .build();
        Random random = new Random(Seeds.seed("WordCountContainerTest"));
        StringBuilder text = new StringBuilder();
        expected = new TreeMap<>();
        while (text.length() < BLOCKS * MIB - 100) {
            String word = WORDS[random.nextInt(WORDS.length)] + random.nextInt(50);
            expected.merge(word, 1L, Long::sum);
            text.append(word).append(random.nextInt(8) == 0 ? '\n' : ' ');
        }
        text.append('\n');
        cluster.client().write("/jobs/in/words.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(cluster.client().blocks("/jobs/in/words.txt")).hasSize(BLOCKS);
    }

    @AfterAll
    static void removeCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyMapIsDataLocalOnAnIdleCluster() throws Exception {
        String report = cluster.client().host().execChecked("sh", "-c", WORDCOUNT + "/jobs/in /jobs/out-idle 2>&1");

        long launched = counter(report, "Launched map tasks");
        assertThat(launched).as("maps launched; job report:\n%s", report).isEqualTo(BLOCKS);
        assertThat(counter(report, "Data-local map tasks")).as("data-local maps; job report:\n%s", report).isEqualTo(launched);
        assertThat(wordCounts("/jobs/out-idle")).isEqualTo(expected);
    }

    @Test
    @Order(2)
    void outputIsTheSameWhenAWorkerHostIsKilledMidJob() throws Exception {
        ContainerNode clientHost = cluster.client().host();
        ContainerNode victim = cluster.dataNode(1);
        long launchedBefore = victim.countLogLines("Launched attempt_");
        CompletableFuture<ExecResult> job = CompletableFuture.supplyAsync(() -> {
            try {
                return clientHost.exec("sh", "-c", WORDCOUNT + "/jobs/in /jobs/out-killed 2>&1");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the Worker on dn2 to launch a task of the job", Duration.ofSeconds(60),
                () -> victim.countLogLines("Launched attempt_") > launchedBefore);
        cluster.killDataNode(1);
        assertThat(job).as("the job is still running when the Worker host dn2 is killed").isNotDone();

        ExecResult result = job.get(180, TimeUnit.SECONDS);
        assertThat(result.getExitCode()).as("job report:\n%s", result.getStdout()).isZero();
        assertThat(wordCounts("/jobs/out-killed")).isEqualTo(expected);
        assertThat(cluster.client().quarryChecked("dfs", "-cat", "/jobs/out-killed/part-r-*"))
                .isEqualTo(cluster.client().quarryChecked("dfs", "-cat", "/jobs/out-idle/part-r-*"));
    }

    private static long counter(String report, String name) {
        Matcher matcher = Pattern.compile("^\\s*" + Pattern.quote(name) + "=(\\d+)\\s*$", Pattern.MULTILINE).matcher(report);
        assertThat(matcher.find()).as("counter '%s' in the job report:\n%s", name, report).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Map<String, Long> wordCounts(String dir) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : cluster.client().quarryChecked("dfs", "-cat", dir + "/part-r-*").split("\n")) {
            if (!line.isBlank()) {
                String[] fields = line.split("\t");
                counts.put(fields[0], Long.parseLong(fields[1].strip()));
            }
        }
        return counts;
    }
}
