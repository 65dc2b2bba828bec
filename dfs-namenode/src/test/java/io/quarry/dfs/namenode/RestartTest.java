package io.quarry.dfs.namenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.testing.Await;
import io.quarry.common.time.Clock;
import io.quarry.dfs.namenode.controller.ControllerResult;
import io.quarry.dfs.namenode.namespace.INode;
import io.quarry.dfs.namenode.namespace.INodeDirectory;
import io.quarry.dfs.namenode.namespace.INodeFile;
import io.quarry.dfs.protocol.Block;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.client.AddBlock;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.DeleteReply;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.Rename;
import io.quarry.dfs.protocol.client.SetOwner;
import io.quarry.dfs.protocol.client.SetPermission;
import io.quarry.dfs.protocol.client.SetReplication;

@Timeout(120)
class RestartTest {
    @TempDir
    Path dir;

    /** A text dump of the whole namespace, taken on the controller thread. */
    static String dump(NameNode nameNode) throws Exception {
        return nameNode.controller().submit("dump", () -> {
            StringBuilder out = new StringBuilder();
            dump(nameNode.operations().state().directory().root(), "/", out);
            return ControllerResult.of(out.toString());
        }).get(30, TimeUnit.SECONDS);
    }

    private static void dump(INode node, String path, StringBuilder out) {
        out.append(path).append(' ').append(node.id()).append(' ').append(node.owner()).append(':').append(node.group()).append(' ')
                .append(Integer.toOctalString(node.permission())).append(' ').append(node.modificationTime());
        if (node instanceof INodeFile file) {
            out.append(" r=").append(file.replication()).append(" bs=").append(file.blockSize()).append(" uc=").append(file.clientName())
                    .append(' ').append(file.blocks());
        }
        out.append('\n');
        if (node instanceof INodeDirectory d) {
            for (INode child : d.childList()) {
                dump(child, (path.equals("/") ? "/" : path + "/") + child.name(), out);
            }
        }
    }

    private void manyOperations(TestCluster.Client client, int count) throws Exception {
        manyOperations(client, 0, count);
    }

    private void manyOperations(TestCluster.Client client, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            String d = "/dir" + (i % 7);
            client.call(new Mkdirs(d + "/sub" + (i % 3), (short) 0755, true));
            client.call(new Create(d + "/f" + i, (short) 0644, client.name(), false, true, (short) 2, 1 << 20), FileStatusReply.class);
            if (i % 5 == 0) {
                client.call(new Rename(d + "/f" + i, d + "/sub" + (i % 3) + "/moved" + i));
            }
            if (i % 11 == 0) {
                client.call(new Delete(d + "/sub" + (i % 3), true), DeleteReply.class);
            }
            if (i % 13 == 0) {
                client.call(new SetPermission(d, (short) 0700));
                client.call(new SetOwner(d, "someone", "grp"));
            }
        }
    }

    @Test
    void restartReplaysTheJournalIntoAnIdenticalNamespace() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of())) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            manyOperations(client, 300);
            client.call(new SetReplication("/dir1", (short) 1));
            String before = dump(cluster.nameNode);
            cluster.nameNode.abort(); // no checkpoint: replay only
            cluster.start();
            assertThat(dump(cluster.nameNode)).isEqualTo(before);
            cluster.restart(); // graceful: checkpoint on close
            assertThat(dump(cluster.nameNode)).isEqualTo(before);
        }
    }

    @Test
    void checkpointsTrimTheJournalAndRestartLoadsThem() throws Exception {
        Map<String, String> conf = Map.of("dfs.namenode.checkpoint.txns", "200", "dfs.namenode.num.checkpoints.retained", "2");
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), conf)) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            manyOperations(client, 400);
            Await.until("a few checkpoints", Duration.ofSeconds(20), () -> checkpoints(cluster.nameDir).size() >= 2);
            manyOperations(client, 1000, 10);
            String before = dump(cluster.nameNode);
            cluster.nameNode.abort();
            List<Long> checkpoints = checkpoints(cluster.nameDir);
            assertThat(checkpoints).hasSizeLessThanOrEqualTo(2);
            long oldestSegment = segments(cluster.nameDir).get(0);
            assertThat(oldestSegment).as("segments before the oldest checkpoint are purged").isGreaterThan(1);
            assertThat(oldestSegment).isLessThanOrEqualTo(checkpoints.get(0) + 1);
            cluster.start();
            assertThat(dump(cluster.nameNode)).isEqualTo(before);
        }
    }

    private static List<Long> checkpoints(Path nameDir) {
        return numbers(nameDir, "checkpoint_");
    }

    private static List<Long> segments(Path nameDir) {
        return numbers(nameDir, "edits_");
    }

    private static List<Long> numbers(Path nameDir, String prefix) {
        try (Stream<Path> files = Files.list(nameDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && !n.endsWith(".tmp"))
                    .map(n -> Long.parseLong(n.substring(prefix.length()))).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void blocksAndOpenFilesSurviveRestart() throws Exception {
        try (TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of("dfs.namenode.safemode.threshold-pct", "0"))) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            FakeDatanode dn = new FakeDatanode("dn-1", "127.0.0.1", 9866, cluster.conf(), () -> cluster.nameNode.rpcAddress());
            dn.register();
            var status = client.call(new Create("/open", (short) 0644, client.name(), false, true, (short) 1, 1 << 20),
                    FileStatusReply.class).status();
            LocatedBlock first = client.call(new AddBlock("/open", status.fileId(), client.name(), null, List.of(), "127.0.0.1"),
                    LocatedBlock.class);
            Block written = first.block().withNumBytes(1000);
            dn.received(written);
            client.call(new AddBlock("/open", status.fileId(), client.name(), written, List.of(), "127.0.0.1"), LocatedBlock.class);
            String before = dump(cluster.nameNode);
            cluster.restart();
            assertThat(dump(cluster.nameNode)).isEqualTo(before);
            cluster.nameNode.abort();
            cluster.start();
            assertThat(dump(cluster.nameNode)).isEqualTo(before);
            dn.close();
        }
    }

    @Test
    void everyAcknowledgedOperationSurvivesAnAbortUnderLoad() throws Exception {
        TestCluster cluster = new TestCluster(dir.resolve("name"), Clock.system(), Map.of());
        int threads = 4;
        Map<String, Boolean> expected = new ConcurrentHashMap<>();
        Set<String> uncertain = ConcurrentHashMap.newKeySet();
        AtomicInteger acked = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            TestCluster.Client client = cluster.client(TestCluster.ADMIN);
            String base = "/t" + t;
            Thread worker = new Thread(() -> {
                for (int i = 0; ; i++) {
                    List<String> touched = new ArrayList<>();
                    Map<String, Boolean> effect = new HashMap<>();
                    Object request;
                    if (i % 3 == 0) {
                        String f = base + "/f" + i;
                        request = new Create(f, (short) 0644, client.name(), false, true, (short) 1, 1 << 20);
                        effect.put(f, true);
                    } else if (i % 3 == 1) {
                        String from = base + "/f" + (i - 1);
                        String to = base + "/r" + (i - 1);
                        request = new Rename(from, to);
                        effect.put(from, false);
                        effect.put(to, true);
                    } else if (i % 6 == 2) {
                        String victim = base + "/r" + (i - 2);
                        request = new Delete(victim, false);
                        effect.put(victim, false);
                    } else {
                        String d = base + "/d" + i;
                        request = new Mkdirs(d, (short) 0755, true);
                        effect.put(d, true);
                    }
                    touched.addAll(effect.keySet());
                    try {
                        client.rpc.call(cluster.nameNode.rpcAddress(), request, Object.class);
                        expected.putAll(effect);
                        acked.incrementAndGet();
                    } catch (Exception e) {
                        uncertain.addAll(touched);
                        return;
                    }
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        Await.until("1000 acknowledged operations", Duration.ofSeconds(60), () -> acked.get() >= 1000);
        cluster.nameNode.abort();
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        cluster.start();
        TestCluster.Client checker = cluster.client(TestCluster.ADMIN);
        int checked = 0;
        for (Map.Entry<String, Boolean> entry : expected.entrySet()) {
            if (uncertain.contains(entry.getKey())) {
                continue;
            }
            boolean exists = checker.call(new GetFileInfo(entry.getKey()), FileStatusReply.class).status() != null;
            assertThat(exists).as("acknowledged state of %s", entry.getKey()).isEqualTo(entry.getValue());
            checked++;
        }
        assertThat(checked).isGreaterThan(500);
        cluster.close();
    }
}
