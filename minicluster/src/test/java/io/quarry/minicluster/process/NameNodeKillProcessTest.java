package io.quarry.minicluster.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NameNode runs as its own JVM and is killed with SIGKILL while four clients create, rename
 * and delete. After a restart on the same directory every acknowledged operation must be there;
 * the one call per client that was in flight at the kill may or may not have happened.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NameNodeKillProcessTest {
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedOperationSurvivesSigkill() throws Exception {
        int port = freePort();
        Map<String, String> conf = Map.of(
                "dfs.namenode.rpc-address", "127.0.0.1:" + port,
                "dfs.namenode.http-address", "127.0.0.1:0",
                "dfs.namenode.name.dir", dir.resolve("name").toString(),
                "dfs.namenode.safemode.extension", "0",
                "dfs.namenode.checkpoint.txns", "500");
        Configuration clientConf = Configuration.of(Map.of(
                "fs.defaultFS", "qfs://127.0.0.1:" + port,
                "quarry.rpc.timeout", "5s",
                "quarry.rpc.retry.max-attempts", "1"));

        List<ClientHistory> histories = new ArrayList<>();
        try (DaemonProcess nameNode = DaemonProcess.start("namenode", "io.quarry.dfs.namenode.NameNode", conf,
                dir.resolve("logs/namenode-1.log"), Duration.ofSeconds(60))) {
            AtomicInteger acked = new AtomicInteger();
            CountDownLatch enoughWork = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                ClientHistory history = new ClientHistory(c);
                histories.add(history);
                Thread thread = new Thread(() -> history.runUntilFailure(clientConf, acked, enoughWork), "client-" + c);
                threads.add(thread);
                thread.start();
            }
            assertThat(enoughWork.await(90, TimeUnit.SECONDS)).as("clients made progress").isTrue();
            nameNode.kill();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(thread.isAlive()).as(thread.getName() + " stopped after the kill").isFalse();
            }
        }

        try (DaemonProcess restarted = DaemonProcess.start("namenode", "io.quarry.dfs.namenode.NameNode", conf,
                dir.resolve("logs/namenode-2.log"), Duration.ofSeconds(60));
             FileSystem fs = FileSystem.get(clientConf.with("quarry.rpc.retry.max-attempts", "10"))) {
            for (ClientHistory history : histories) {
                history.verify(fs);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
