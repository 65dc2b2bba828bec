package io.quarry.minicluster.container;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.testcontainers.containers.Container.ExecResult;

import io.quarry.minicluster.BlockReplicas;
import io.quarry.minicluster.QfsTestClient;

/**
 * The test's hands on the container cluster: {@code bin/quarry} commands run with {@code docker
 * exec} on the {@code client} host, a gateway on the cluster network, as a user on an edge node
 * would type them. Files travel between the test and the client host by copy.
 */
public final class ContainerQfsClient implements QfsTestClient {
    private final ContainerNode host;
    private final AtomicLong scratch = new AtomicLong();
    /** Directories this client made, so a run of writes into one directory makes it once. */
    private final Set<String> madeDirs = ConcurrentHashMap.newKeySet();

    ContainerQfsClient(ContainerNode host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** The client host, to run other commands on it. */
    public ContainerNode host() {
        return host;
    }

    /** Runs {@code quarry ARGS...} on the client host; the result whatever its exit code. */
    public ExecResult quarry(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("quarry");
        command.addAll(List.of(args));
        return host.exec(command.toArray(String[]::new));
    }

    /** Runs {@code quarry ARGS...} on the client host and fails unless it exits 0; returns its standard output. */
    public String quarryChecked(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("quarry");
        command.addAll(List.of(args));
        return host.execChecked(command.toArray(String[]::new));
    }

    @Override
    public void write(String path, byte[] data) throws IOException {
        String local = "/tmp/upload-" + scratch.incrementAndGet();
        host.copyTo(data, local);
        try {
            String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
            if (madeDirs.add(parent)) {
                quarryChecked("dfs", "-mkdir", "-p", parent);
            }
            quarryChecked("dfs", "-put", local, path);
        } finally {
            host.exec("rm", "-f", local);
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        String local = "/tmp/download-" + scratch.incrementAndGet();
        quarryChecked("dfs", "-get", path, local);
        try {
            return host.copyFrom(local);
        } finally {
            host.exec("rm", "-f", local);
        }
    }

    @Override
    public boolean exists(String path) throws IOException {
        ExecResult result = quarry("dfs", "-test", "-e", path);
        if (result.getExitCode() > 1) {
            throw new IOException("quarry dfs -test -e " + path + " exited " + result.getExitCode() + ": " + result.getStderr().strip());
        }
        return result.getExitCode() == 0;
    }

    @Override
    public List<BlockReplicas> blocks(String path) throws IOException {
        ExecResult result = quarry("fsck", path, "-files", "-blocks", "-locations");
        if (result.getExitCode() > 1) {
            throw new IOException("quarry fsck " + path + " exited " + result.getExitCode() + ": " + result.getStderr().strip());
        }
        return ShellReports.fsckBlocks(result.getStdout());
    }

    @Override
    public boolean healthy(String path) throws IOException {
        ExecResult result = quarry("fsck", path);
        if (result.getExitCode() > 1 || !result.getStdout().contains("Status: ")) {
            throw new IOException("quarry fsck " + path + " failed (exit " + result.getExitCode() + "): " + result.getStderr().strip());
        }
        return result.getExitCode() == 0 && result.getStdout().contains("Status: HEALTHY");
    }

    @Override
    public Set<String> liveDataNodes() throws IOException {
        return ShellReports.reportHosts(quarryChecked("dfsadmin", "-report"), true);
    }

    @Override
    public Set<String> deadDataNodes() throws IOException {
        return ShellReports.reportHosts(quarryChecked("dfsadmin", "-report"), false);
    }

    public boolean inSafeMode() throws IOException {
        String status = quarryChecked("dfsadmin", "-safemode", "get");
        if (!status.contains("Safe mode is ")) {
            throw new IOException("Unexpected answer to dfsadmin -safemode get: " + status.strip());
        }
        return status.contains("Safe mode is ON");
    }
}
