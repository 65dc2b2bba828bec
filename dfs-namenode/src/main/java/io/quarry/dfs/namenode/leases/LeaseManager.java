package io.quarry.dfs.namenode.leases;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarry.common.time.Clock;

/**
 * Leases of writers: each client holds the files it has open and renews them all at once. Holders
 * and files come from the journal (open files name their holder); renewal times are memory only,
 * so after a restart every lease counts as just renewed. Controller thread only.
 */
public final class LeaseManager {
    private final Clock clock;
    private final long softLimitNanos;
    private final long hardLimitNanos;
    private final Map<String, Lease> leases = new HashMap<>();

    /** One client's lease. */
    public static final class Lease {
        private final String holder;
        private final Set<Long> fileIds = new LinkedHashSet<>();
        private long renewedNanos;

        Lease(String holder, long renewedNanos) {
            this.holder = holder;
            this.renewedNanos = renewedNanos;
        }

        public String holder() {
            return holder;
        }

        public Set<Long> fileIds() {
            return fileIds;
        }

        public long renewedNanos() {
            return renewedNanos;
        }
    }

    public LeaseManager(Clock clock, long softLimitNanos, long hardLimitNanos) {
        this.clock = requireNonNull(clock, "clock is null");
        this.softLimitNanos = softLimitNanos;
        this.hardLimitNanos = hardLimitNanos;
    }

    public void add(String holder, long fileId) {
        leases.computeIfAbsent(holder, h -> new Lease(h, clock.nanoTime())).fileIds.add(fileId);
        leases.get(holder).renewedNanos = clock.nanoTime();
    }

    public void remove(String holder, long fileId) {
        Lease lease = leases.get(holder);
        if (lease != null) {
            lease.fileIds.remove(fileId);
            if (lease.fileIds.isEmpty()) {
                leases.remove(holder);
            }
        }
    }

    /** Renews the holder's lease; false when it holds none. */
    public boolean renew(String holder) {
        Lease lease = leases.get(holder);
        if (lease == null) {
            return false;
        }
        lease.renewedNanos = clock.nanoTime();
        return true;
    }

    public boolean softExpired(String holder) {
        Lease lease = leases.get(holder);
        return lease == null || clock.nanoTime() - lease.renewedNanos > softLimitNanos;
    }

    public long millisSinceRenewal(String holder) {
        Lease lease = leases.get(holder);
        return lease == null ? -1 : (clock.nanoTime() - lease.renewedNanos) / 1_000_000;
    }

    /** Leases past the hard limit. */
    public List<Lease> hardExpired() {
        long now = clock.nanoTime();
        List<Lease> out = new ArrayList<>();
        for (Lease lease : leases.values()) {
            if (now - lease.renewedNanos > hardLimitNanos) {
                out.add(lease);
            }
        }
        return out;
    }

    public int count() {
        return leases.size();
    }

    public long softLimitMillis() {
        return softLimitNanos / 1_000_000;
    }
}
