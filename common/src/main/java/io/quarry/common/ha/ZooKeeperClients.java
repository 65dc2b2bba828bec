package io.quarry.common.ha;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** Opens Curator clients for the configured quorum, rooted at the cluster's namespace. */
public final class ZooKeeperClients {
    private static final int RETRY_BASE_SLEEP_MS = 100;
    private static final int RETRY_MAX_SLEEP_MS = 2_000;
    private static final int RETRY_MAX_ATTEMPTS = 10;

    private ZooKeeperClients() {
    }

    /**
     * A started client for {@code /quarry/<cluster id>} on the configured quorum, connected within the
     * connect timeout; the caller closes it.
     *
     * @throws IllegalStateException when HA is off (no quorum configured)
     * @throws HaUnavailableException when the quorum does not answer in time
     */
    public static CuratorFramework connect(HaSettings settings) throws HaUnavailableException {
        String quorum = settings.quorum().orElseThrow(() -> new IllegalStateException(
                "HA is off: " + HaConfigKeys.QUORUM.name() + " is not set"));
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(quorum)
                .namespace(settings.namespace())
                .sessionTimeoutMs(millis(settings.sessionTimeout()))
                .connectionTimeoutMs(millis(min(settings.sessionTimeout(), settings.connectTimeout())))
                .retryPolicy(retryPolicy())
                .build();
        client.start();
        boolean connected;
        try {
            connected = client.blockUntilConnected(millis(settings.connectTimeout()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new HaUnavailableException("Interrupted while connecting to ZooKeeper at " + quorum, e);
        }
        if (!connected) {
            client.close();
            throw new HaUnavailableException("Cannot reach ZooKeeper at " + quorum + " (" + HaConfigKeys.QUORUM.name()
                    + ") within " + settings.connectTimeout().toMillis() + " ms");
        }
        return client;
    }

    static RetryPolicy retryPolicy() {
        return new ExponentialBackoffRetry(RETRY_BASE_SLEEP_MS, RETRY_MAX_ATTEMPTS, RETRY_MAX_SLEEP_MS);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
