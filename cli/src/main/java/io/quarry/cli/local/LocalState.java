package io.quarry.cli.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Where a running local cluster serves, as written to {@code local.properties} once it is ready.
 *
 * @param scheduler        the (first) Scheduler's RPC address ({@code host:port})
 * @param workerShuffle    the Worker's shuffle server address ({@code host:port})
 * @param zooKeeper        with {@code --ha}, the embedded ZooKeeper's address; else empty
 * @param standbyScheduler with {@code --ha}, the second Scheduler's RPC address; else empty
 * @param secondNameNode   with {@code --ha}, the second NameNode's RPC address ({@code host:port}); else empty
 * @param secondNameNodeHttp with {@code --ha}, the second NameNode's status page address; else empty
 */
public record LocalState(String nameNodeUri, String nameNodeHttp, List<String> dataNodes, String scheduler,
                         String workerShuffle, String zooKeeper, String standbyScheduler, String secondNameNode,
                         String secondNameNodeHttp) {
    public LocalState {
        requireNonNull(nameNodeUri, "nameNodeUri is null");
        requireNonNull(nameNodeHttp, "nameNodeHttp is null");
        dataNodes = List.copyOf(dataNodes);
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(workerShuffle, "workerShuffle is null");
        zooKeeper = zooKeeper == null ? "" : zooKeeper;
        standbyScheduler = standbyScheduler == null ? "" : standbyScheduler;
        secondNameNode = secondNameNode == null ? "" : secondNameNode;
        secondNameNodeHttp = secondNameNodeHttp == null ? "" : secondNameNodeHttp;
    }

    /** A cluster without HA. */
    public LocalState(String nameNodeUri, String nameNodeHttp, List<String> dataNodes, String scheduler, String workerShuffle) {
        this(nameNodeUri, nameNodeHttp, dataNodes, scheduler, workerShuffle, "", "", "", "");
    }

    /** Whether the cluster runs with {@code --ha}. */
    public boolean highlyAvailable() {
        return !zooKeeper.isEmpty();
    }

    public void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("namenode.uri", nameNodeUri);
        properties.setProperty("namenode.http", nameNodeHttp);
        properties.setProperty("datanodes", String.join(",", dataNodes));
        properties.setProperty("scheduler.address", scheduler);
        properties.setProperty("worker.shuffle", workerShuffle);
        if (highlyAvailable()) {
            properties.setProperty("zookeeper.quorum", zooKeeper);
            properties.setProperty("scheduler.standby", standbyScheduler);
            properties.setProperty("namenode2.address", secondNameNode);
            properties.setProperty("namenode2.http", secondNameNodeHttp);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Addresses of the running local cluster");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The state, or null when the file is missing. */
    public static LocalState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String dataNodes = properties.getProperty("datanodes", "");
        return new LocalState(properties.getProperty("namenode.uri", "?"), properties.getProperty("namenode.http", "?"),
                dataNodes.isEmpty() ? List.of() : List.of(dataNodes.split(",")),
                properties.getProperty("scheduler.address", "?"), properties.getProperty("worker.shuffle", "?"),
                properties.getProperty("zookeeper.quorum", ""), properties.getProperty("scheduler.standby", ""),
                properties.getProperty("namenode2.address", ""), properties.getProperty("namenode2.http", ""));
    }

    /**
     * {@code NameNode qfs://127.0.0.1:8020 (status page http://127.0.0.1:9870), 1 DataNode, Scheduler
     * 127.0.0.1:8030, 1 Worker (shuffle 127.0.0.1:41234)}.
     */
    public String describe() {
        String nameNodes = secondNameNode.isEmpty() ? "NameNode " + nameNodeUri + " (status page http://" + nameNodeHttp + ")"
                : "NameNodes " + nameNodeUri + " (status page http://" + nameNodeHttp + ") and qfs://" + secondNameNode
                + " (status page http://" + secondNameNodeHttp + ")";
        return nameNodes + ", " + dataNodes.size()
                + (dataNodes.size() == 1 ? " DataNode" : " DataNodes") + ", Scheduler " + scheduler
                + (highlyAvailable() ? " and standby " + standbyScheduler + " (ZooKeeper " + zooKeeper + ")" : "")
                + ", 1 Worker (shuffle " + workerShuffle + ")";
    }
}
