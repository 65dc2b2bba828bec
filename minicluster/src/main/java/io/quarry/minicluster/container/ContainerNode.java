package io.quarry.minicluster.container;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;

import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.minicluster.Polling;

/**
 * One host of the container cluster: a container of the node image with its own host name, running
 * some Quarry roles ({@code namenode}, {@code datanode}, {@code scheduler}, {@code worker}) or idling
 * as a client host, and the faults a test can inflict on it. The container keeps its file system
 * (and so its data directory, {@code /data}) across {@link #kill()} and {@link #start()}.
 */
public final class ContainerNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerNode.class);
    /** Every role prints this line once it serves: {@code QUARRY-READY <role> ...}. */
    private static final Pattern READY = Pattern.compile("^" + DaemonRunner.READY_PREFIX + "(\\S+)", Pattern.MULTILINE);
    static final String DATA_DIR = "/data";

    private final String host;
    private final String address;
    private final List<String> roles;
    private final GenericContainer<?> container;
    private final Network network;
    private int starts;

    ContainerNode(String host, String address, List<String> roles, GenericContainer<?> container, Network network) {
        this.host = requireNonNull(host, "host is null");
        this.address = requireNonNull(address, "address is null");
        this.roles = List.copyOf(roles);
        this.container = requireNonNull(container, "container is null");
        this.network = requireNonNull(network, "network is null");
    }

    public String host() {
        return host;
    }

    /** The node's fixed address on the cluster network. */
    public String address() {
        return address;
    }

    public List<String> roles() {
        return roles;
    }

    /** Docker's id of the container. */
    public String containerId() {
        return container.getContainerId();
    }

    /** Creates and starts the container (first time) or starts it again after {@link #kill()}. */
    public synchronized void start() {
        if (container.getContainerId() == null) {
            container.start();
        } else {
            docker().startContainerCmd(container.getContainerId()).exec();
        }
        starts++;
        LOG.info("Started node {} ({}) at {} as container {}", host, String.join(", ", roles), address, shortId());
        checkAddress();
    }

    /** Waits until every role of this node printed its ready line once more than before the latest start. */
    public void awaitReady(Duration timeout) throws IOException {
        String[] stoppedBefore = {null};
        try {
            Polling.await("every role of node " + host + " " + roles + " to be ready", timeout, () -> {
                String missing = missingRoles();
                if (missing != null && !isRunning()) {
                    stoppedBefore[0] = missing;
                    return null;
                }
                return missing == null ? null : missing + " is not ready";
            });
        } catch (TimeoutException e) {
            throw new IOException(e.getMessage() + "; the log of " + host + " ends:\n" + logTail(40), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for node " + host, e);
        }
        if (stoppedBefore[0] != null) {
            throw new IOException("Node " + host + " stopped before its " + stoppedBefore[0] + " was ready; its log ends:\n"
                    + logTail(40));
        }
    }

    private String missingRoles() {
        String logs = container.getLogs();
        for (String role : roles) {
            int ready = 0;
            Matcher matcher = READY.matcher(logs);
            while (matcher.find()) {
                if (matcher.group(1).equals(role)) {
                    ready++;
                }
            }
            if (ready < starts) {
                return role;
            }
        }
        return null;
    }

    /** Kills the node as a power cut would: SIGKILL to every process, nothing flushed. The file system stays. */
    public synchronized void kill() {
        LOG.info("Killing node {} (SIGKILL)", host);
        docker().killContainerCmd(container.getContainerId()).withSignal("KILL").exec();
        awaitStopped();
    }

    /** Kills the node and starts it again with its file system, data directory included, as it was. */
    public void restart(Duration timeout) throws IOException {
        kill();
        start();
        awaitReady(timeout);
    }

    /** Freezes every process of the node ({@code docker pause}): it stops answering but keeps its connections. */
    public void pause() {
        LOG.info("Freezing node {}", host);
        docker().pauseContainerCmd(container.getContainerId()).exec();
    }

    /** Thaws a frozen node. */
    public void unpause() {
        LOG.info("Thawing node {}", host);
        docker().unpauseContainerCmd(container.getContainerId()).exec();
    }

    /** Cuts the node off the cluster network: its processes run on, with no route to any other node. */
    public void disconnect() {
        LOG.info("Cutting node {} off the network", host);
        docker().disconnectFromNetworkCmd().withNetworkId(network.getId()).withContainerId(container.getContainerId())
                .withForce(true).exec();
    }

    /** Connects a cut-off node again under its host name. */
    public void reconnect() {
        LOG.info("Reconnecting node {}", host);
        docker().connectToNetworkCmd().withNetworkId(network.getId()).withContainerId(container.getContainerId())
                .withContainerNetwork(new ContainerNetwork().withAliases(host).withIpamConfig(new ContainerNetwork.Ipam()
                        .withIpv4Address(address))).exec();
        checkAddress();
    }

    /**
     * Fills the node's data disk until no byte is left, with a file {@code /data/fill}. Only for nodes
     * built with a size-limited data disk (a tmpfs), so the host's own disk is never filled.
     */
    public void fillDisk() throws IOException {
        LOG.info("Filling the data disk of node {}", host);
        exec("sh", "-c", "dd if=/dev/zero of=" + DATA_DIR + "/fill bs=1M 2>/dev/null; sync; df -k " + DATA_DIR);
    }

    /** Frees what {@link #fillDisk()} took. */
    public void freeDisk() throws IOException {
        execChecked("rm", "-f", DATA_DIR + "/fill");
    }

    /** Runs a command in the node; the result whatever its exit code. */
    public ExecResult exec(String... command) throws IOException {
        try {
            return container.execInContainer(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + String.join(" ", command) + " on " + host, e);
        }
    }

    /** Runs a command in the node and fails unless it exits 0; returns its standard output. */
    public String execChecked(String... command) throws IOException {
        ExecResult result = exec(command);
        if (result.getExitCode() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' on " + host + " exited " + result.getExitCode()
                    + ": " + result.getStderr().strip() + (result.getStdout().isBlank() ? "" : "\n" + result.getStdout().strip()));
        }
        return result.getStdout();
    }

    public void copyTo(byte[] data, String path) {
        container.copyFileToContainer(Transferable.of(data), path);
    }

    public byte[] copyFrom(String path) {
        return container.copyFileFromContainer(path, in -> in.readAllBytes());
    }

    public boolean isRunning() {
        Boolean running = docker().inspectContainerCmd(container.getContainerId()).exec().getState().getRunning();
        return Boolean.TRUE.equals(running);
    }

    /** How many lines of the node's console, over all its starts, contain {@code fragment}. */
    public long countLogLines(String fragment) {
        return container.getLogs().lines().filter(line -> line.contains(fragment)).count();
    }

    /** The last {@code lines} lines of the node's console. */
    public String logTail(int lines) {
        String[] all = container.getLogs().split("\n");
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            tail.append(all[i]).append('\n');
        }
        return tail.toString();
    }

    /** Removes the container, whatever its state. */
    @Override
    public void close() {
        if (container.getContainerId() != null) {
            container.stop();
        }
    }

    /** Fails unless the container holds its planned address, which every other host has in /etc/hosts. */
    private void checkAddress() {
        String actual = null;
        for (ContainerNetwork attached : docker().inspectContainerCmd(container.getContainerId()).exec().getNetworkSettings()
                .getNetworks().values()) {
            if (network.getId().equals(attached.getNetworkID())) {
                actual = attached.getIpAddress();
            }
        }
        if (!address.equals(actual)) {
            throw new IllegalStateException("Node " + host + " has address " + actual + " on the cluster network, expected " + address);
        }
    }

    private void awaitStopped() {
        try {
            Polling.await("node " + host + " to stop", Duration.ofSeconds(20), () -> isRunning() ? "still running" : null);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for node " + host + " to stop", e);
        }
    }

    private String shortId() {
        String id = container.getContainerId();
        return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
    }

    private static DockerClient docker() {
        return org.testcontainers.DockerClientFactory.instance().client();
    }

    @Override
    public String toString() {
        return host + roles;
    }
}
