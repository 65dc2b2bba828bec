package io.quarry.scheduler.core;

import java.util.Objects;

/** A worker as it registers: where it runs and how many attempts of each kind it runs at once. */
public record WorkerInfo(String id, String host, String rack, int mapSlots, int reduceSlots) {
    public WorkerInfo {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(host, "host is null");
        Objects.requireNonNull(rack, "rack is null");
        if (id.isEmpty() || host.isEmpty() || rack.isEmpty()) {
            throw new IllegalArgumentException("worker id, host and rack must be non-empty: " + id + "@" + host + rack);
        }
        if (mapSlots < 0 || reduceSlots < 0) {
            throw new IllegalArgumentException("worker " + id + " has negative slots: maps " + mapSlots + ", reduces " + reduceSlots);
        }
    }
}
