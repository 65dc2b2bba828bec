package io.quarry.common.ha;

import java.time.Duration;
import java.util.Optional;

import io.quarry.common.conf.Configuration;

import static java.util.Objects.requireNonNull;

/**
 * The HA settings read once from the configuration.
 *
 * @param quorum the ZooKeeper connect string; empty when HA is off
 */
public record HaSettings(Optional<String> quorum, Duration sessionTimeout, Duration connectTimeout, String clusterId) {
    public HaSettings {
        requireNonNull(quorum, "quorum is null");
        requireNonNull(sessionTimeout, "sessionTimeout is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(clusterId, "clusterId is null");
        if (clusterId.isBlank() || clusterId.contains("/")) {
            throw new IllegalArgumentException(HaConfigKeys.CLUSTER_ID.name() + " must be a non-empty name without '/', got '"
                    + clusterId + "'");
        }
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException(HaConfigKeys.SESSION_TIMEOUT.name() + " must be positive, got " + sessionTimeout);
        }
    }

    public static HaSettings from(Configuration conf) {
        String quorum = conf.getString(HaConfigKeys.QUORUM);
        Optional<String> configured = quorum == null || quorum.isBlank() ? Optional.empty() : Optional.of(quorum.trim());
        return new HaSettings(configured, conf.getDuration(HaConfigKeys.SESSION_TIMEOUT),
                conf.getDuration(HaConfigKeys.CONNECT_TIMEOUT), conf.getString(HaConfigKeys.CLUSTER_ID));
    }

    /** True when a ZooKeeper quorum is configured; otherwise every master runs alone, as without HA. */
    public boolean enabled() {
        return quorum.isPresent();
    }

    /** The namespace of this cluster's nodes, without the leading slash: {@code quarry/<cluster id>}. */
    public String namespace() {
        return "quarry/" + clusterId;
    }
}
