package io.quarry.dfs.namenode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.QuarryException;
import io.quarry.common.fault.FaultHandler;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.time.Clock;

/** A NameNode on loopback with a fresh name directory, plus clients acting as named users. */
final class TestCluster implements AutoCloseable {
    static final String ADMIN = "nnadmin";

    final Path nameDir;
    final Clock clock;
    final RecordingFaultHandler faults = new RecordingFaultHandler();
    private final Map<String, String> settings;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    NameNode nameNode;

    TestCluster(Path nameDir, Clock clock, Map<String, String> overrides) throws IOException {
        this.nameDir = nameDir;
        this.clock = clock;
        Map<String, String> base = new HashMap<>();
        base.put("dfs.namenode.rpc-address", "127.0.0.1:0");
        base.put("dfs.namenode.http-address", "127.0.0.1:0");
        base.put("dfs.namenode.name.dir", nameDir.toString());
        base.put("quarry.user.name", ADMIN);
        base.put("dfs.namenode.safemode.extension", "0");
        base.put("dfs.replication", "1");
        base.put("quarry.security.groups.alice", "users,staff");
        base.put("quarry.security.groups.bob", "users");
        base.put("quarry.security.groups.carol", "other");
        base.put("quarry.security.groups.root2", "supergroup");
        base.put("quarry.rpc.retry.max-attempts", "1");
        if (clock instanceof io.quarry.common.time.ManualClock) {
            base.put("quarry.namenode.monitor.interval", "1h"); // tests drive the monitors with runMonitors()
        }
        base.putAll(overrides);
        this.settings = base;
        start();
    }

    Configuration conf() {
        return Configuration.of(settings);
    }

    void start() throws IOException {
        nameNode = NameNode.start(conf(), clock, faults);
    }

    void restart() throws IOException {
        nameNode.close();
        start();
    }

    /** A client calling as the given user. */
    Client client(String user) {
        RpcClient rpc = new RpcClient("test-" + user, conf().with("quarry.user.name", user));
        closeables.add(rpc);
        return new Client(rpc, this);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (nameNode != null) {
            nameNode.close();
        }
        faults.assertNone();
    }

    /** Calls the current NameNode as one user. */
    static final class Client {
        final RpcClient rpc;
        private final TestCluster cluster;
        private static final AtomicInteger IDS = new AtomicInteger();

        Client(RpcClient rpc, TestCluster cluster) {
            this.rpc = rpc;
            this.cluster = cluster;
        }

        <T> T call(Object request, Class<T> reply) throws QuarryException {
            return rpc.call(cluster.nameNode.rpcAddress(), request, reply);
        }

        void call(Object request) throws QuarryException {
            rpc.call(cluster.nameNode.rpcAddress(), request, Object.class);
        }

        String name() {
            return rpc.clientId();
        }
    }

    /** Remembers faults so a test fails when one fired. */
    static final class RecordingFaultHandler implements FaultHandler {
        final List<String> faults = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public RuntimeException handle(String what, Throwable cause) {
            faults.add(what + ": " + cause);
            return new IllegalStateException(what, cause);
        }

        void assertNone() {
            if (!faults.isEmpty()) {
                throw new AssertionError("Faults fired: " + faults);
            }
        }
    }
}
