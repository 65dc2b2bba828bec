package io.quarry.minicluster.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RetryPolicy;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.testing.Await;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.minicluster.process.HaNameNodes;

/**
 * Split brain: the active NameNode (its own JVM) is frozen with SIGSTOP until its ZooKeeper session
 * expires and the standby takes over. A call that reached the frozen NameNode meanwhile is refused
 * when it resumes (its journal write is fenced by the new epoch, or it has learnt it was deposed),
 * so no client ever sees both NameNodes accept a change; the old active steps down to standby.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SplitBrainProcessTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void frozenActiveIsFencedWhenItResumesAndNeverAcceptsAWriteAfterTheTakeover() throws Exception {
        try (TestingServer zooKeeper = ZooKeeperServers.single(dir);
             HaNameNodes pair = HaNameNodes.start(dir, zooKeeper.getConnectString(), "split",
                     Map.of("ha.zookeeper.session-timeout.ms", "1500ms"));
             RpcClient direct = new RpcClient("split-brain-probe", Configuration.empty())) {
            int old = pair.awaitActive(Duration.ofSeconds(60));
            int next = 1 - old;
            Configuration clientConf = Configuration.of(pair.clientConf());
            try (FileSystem fs = FileSystem.get(clientConf)) {
                fs.mkdirs(new Path("/before"));

                pair.process(old).freeze();
                CompletableFuture<Object> toFrozen = CompletableFuture.supplyAsync(() -> {
                    try {
                        return direct.call(pair.address(old), new Mkdirs("/from-frozen", (short) 0755, true), Ack.class,
                                Duration.ofSeconds(60), RetryPolicy.none());
                    } catch (QuarryException e) {
                        return e;
                    }
                });
                Await.until("the standby to take over from the frozen active", Duration.ofSeconds(60), () -> pair.serves(next));
                fs.mkdirs(new Path("/during"));

                pair.process(old).thaw();
                Object answer = toFrozen.get(60, TimeUnit.SECONDS);
                assertThat(answer).as("answer of the deposed NameNode to a change sent while it was frozen")
                        .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STANDBY));
                Await.until("the deposed NameNode to refuse clients", Duration.ofSeconds(30), () -> !pair.serves(old));
                assertThat(pair.serves(next)).isTrue();

                assertThat(fs.exists(new Path("/before"))).isTrue();
                assertThat(fs.exists(new Path("/during"))).isTrue();
                assertThat(fs.exists(new Path("/from-frozen"))).as("the change the deposed NameNode refused").isFalse();
                String log = Files.readString(pair.process(old).logFile());
                assertThat(log).containsAnyOf("was fenced", "lost the election");
                log.lines().filter(line -> line.contains("HaSupervisor")).forEach(line -> System.out.println("deposed NameNode: " + line));
            }
        }
    }
}
