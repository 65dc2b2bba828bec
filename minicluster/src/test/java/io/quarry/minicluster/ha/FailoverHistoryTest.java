package io.quarry.minicluster.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.minicluster.MiniQfsHaCluster;

/**
 * The active NameNode is killed while four clients create, rename and delete. Every client call
 * must succeed (the clients follow the failover and retry), and the final namespace must be
 * exactly what the acknowledged calls made: a create or rename retried after the failover neither
 * fails ("already exists", "does not exist") nor happens twice, thanks to the retry cache.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailoverHistoryTest {
    private static final int CLIENTS = 4;
    private static final int ITEMS = 60;
    private static final int KILL_AFTER_ACKS = CLIENTS * ITEMS;

    @TempDir
    java.nio.file.Path baseDir;
    TestingServer zooKeeper;
    MiniQfsHaCluster cluster;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = ZooKeeperServers.single(baseDir);
        cluster = MiniQfsHaCluster.builder(baseDir).zooKeeper(zooKeeper.getConnectString()).numDataNodes(1)
                .set("dfs.replication", "1").build();
    }

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void everyAcknowledgedOperationIsPresentExactlyOnceAfterTheActiveDies() throws Exception {
        int first = cluster.awaitActive();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch killNow = new CountDownLatch(1);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            FileSystem fs = cluster.newFileSystem();
            Path root = new Path("/history/client-" + c);
            clients.add(CompletableFuture.runAsync(() -> run(fs, root, acks, killNow)));
        }
        assertThat(killNow.await(60, TimeUnit.SECONDS)).as("clients made progress before the kill").isTrue();

        cluster.killNameNode(first);

        CompletableFuture.allOf(clients.toArray(new CompletableFuture[0])).get(90, TimeUnit.SECONDS);
        assertThat(cluster.awaitActive()).isEqualTo(1 - first);
        FileSystem verifier = cluster.newFileSystem();
        for (int c = 0; c < CLIENTS; c++) {
            Path root = new Path("/history/client-" + c);
            Set<String> names = new TreeSet<>();
            for (FileStatus status : verifier.listStatus(root)) {
                names.add(status.path().name());
            }
            assertThat(names).as("entries of " + root).isEqualTo(expected());
        }
    }

    /** Item i: mkdir d-i, create f-i, rename f-i to g-i, and delete g-i when i is a multiple of 3. Every call must succeed. */
    private static void run(FileSystem fs, Path root, AtomicInteger acks, CountDownLatch killNow) {
        try {
            for (int item = 0; item < ITEMS; item++) {
                fs.mkdirs(root.child("d-" + item));
                ack(acks, killNow);
                fs.create(root.child("f-" + item), false).close();
                ack(acks, killNow);
                fs.rename(root.child("f-" + item), root.child("g-" + item));
                ack(acks, killNow);
                if (item % 3 == 0) {
                    assertThat(fs.delete(root.child("g-" + item), false)).as("delete of g-" + item + " under " + root).isTrue();
                    ack(acks, killNow);
                }
            }
        } catch (Exception e) {
            throw new AssertionError("A client call under " + root + " failed across the failover", e);
        }
    }

    private static void ack(AtomicInteger acks, CountDownLatch killNow) {
        if (acks.incrementAndGet() == KILL_AFTER_ACKS) {
            killNow.countDown();
        }
    }

    private static Set<String> expected() {
        Set<String> names = new TreeSet<>();
        for (int item = 0; item < ITEMS; item++) {
            names.add("d-" + item);
            if (item % 3 != 0) {
                names.add("g-" + item);
            }
        }
        return names;
    }
}
