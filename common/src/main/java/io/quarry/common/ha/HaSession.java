package io.quarry.common.ha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

import static java.util.Objects.requireNonNull;

/**
 * One process's connection to the cluster's ZooKeeper namespace, and what the masters, their
 * clients and {@code quarry haadmin} do with it, without seeing Curator: join a role's election,
 * find the role's active, keep fenced state, list the candidates, ask for a graceful failover.
 */
public final class HaSession implements AutoCloseable {
    private final CuratorFramework client;
    private final HaSettings settings;

    private HaSession(CuratorFramework client, HaSettings settings) {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Connects to the configured quorum.
     *
     * @throws IllegalStateException  when HA is off
     * @throws HaUnavailableException when the quorum does not answer within the connect timeout
     */
    public static HaSession connect(HaSettings settings) throws HaUnavailableException {
        return new HaSession(ZooKeeperClients.connect(settings), settings);
    }

    public HaSettings settings() {
        return settings;
    }

    /** A candidate for {@code role} publishing {@code address}; the caller starts and closes it. */
    public LeaderElection election(String role, String address, LeadershipListener listener) {
        return new LeaderElection(client, role, address, listener);
    }

    /** The address the role's active has published, empty when none is active. */
    public Optional<String> activeAddress(String role) throws IOException {
        try {
            return LeaderElection.activeAddress(client, role);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new HaUnavailableException("Cannot read the active " + role + " from ZooKeeper at "
                    + settings.quorum().orElse("?") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The role's active address without blocking the caller: completes with it (empty when none is
     * active) or exceptionally when ZooKeeper cannot answer; callers bound the wait themselves.
     */
    public CompletableFuture<Optional<String>> activeAddressAsync(String role) {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        try {
            client.getData().inBackground((framework, event) -> {
                if (event.getResultCode() == KeeperException.Code.OK.intValue()) {
                    result.complete(Optional.of(new String(event.getData(), StandardCharsets.UTF_8)));
                } else if (event.getResultCode() == KeeperException.Code.NONODE.intValue()) {
                    result.complete(Optional.empty());
                } else {
                    result.completeExceptionally(new HaUnavailableException("Cannot read the active " + role + ": "
                            + KeeperException.Code.get(event.getResultCode())));
                }
            }).forPath(HaPaths.active(role));
        } catch (Exception e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** The role's state store {@code /<role>/<name>}, written only with its active's epoch. */
    public FencedStore store(String role, String name) {
        return new FencedStore(client, role, name);
    }

    /** The role's candidates in election order, the active flagged. */
    public List<Participant> participants(String role) throws IOException {
        try {
            return HandOver.participants(client, role);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new HaUnavailableException("Cannot list the " + role + " candidates in ZooKeeper: " + e.getMessage(), e);
        }
    }

    /** Graceful failover of the role (see {@link HandOver#failover}); returns the new active's address. */
    public String failover(String role, Duration timeout) throws IOException, InterruptedException {
        try {
            return HandOver.failover(client, role, timeout);
        } catch (IOException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new HaUnavailableException("Failover of " + role + " failed in ZooKeeper: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
