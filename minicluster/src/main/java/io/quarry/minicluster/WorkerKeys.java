package io.quarry.minicluster;

/** The Worker keys the mini cluster sets per node. */
final class WorkerKeys {
    static final String HOSTNAME = "quarry.worker.hostname";
    static final String RACK = "quarry.worker.rack";
    static final String SHUFFLE_ADDRESS = "quarry.worker.shuffle.address";
    static final String LOCAL_DIRS = "quarry.worker.local.dirs";
    static final String MAP_SLOTS = "quarry.worker.map-slots";
    static final String REDUCE_SLOTS = "quarry.worker.reduce-slots";
    static final String HEARTBEAT_INTERVAL = "quarry.worker.heartbeat-interval";

    private WorkerKeys() {
    }
}
