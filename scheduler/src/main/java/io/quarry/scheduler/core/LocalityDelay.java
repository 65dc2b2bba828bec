package io.quarry.scheduler.core;

/**
 * Delay scheduling for one job (Zaharia et al., EuroSys 2010): a job that could not launch a local
 * map when offered a slot skips the offer; after {@code nodeDelay} skipped offers it may launch
 * rack-local, after {@code rackDelay} more off-rack. Launching a task resets the count and
 * remembers the level launched at, so a job that found node-local work waits again.
 * Counts scheduling opportunities, never wall-clock time.
 */
final class LocalityDelay {
    private Locality level = Locality.NODE_LOCAL;
    private int skipped;

    Locality allowed(int nodeDelay, int rackDelay) {
        return switch (level) {
            case NODE_LOCAL -> skipped >= nodeDelay + rackDelay ? Locality.OFF_RACK
                    : skipped >= nodeDelay ? Locality.RACK_LOCAL : Locality.NODE_LOCAL;
            case RACK_LOCAL -> skipped >= rackDelay ? Locality.OFF_RACK : Locality.RACK_LOCAL;
            case OFF_RACK -> Locality.OFF_RACK;
        };
    }

    void skip() {
        skipped++;
    }

    void launched(Locality at) {
        level = at;
        skipped = 0;
    }

    int skipped() {
        return skipped;
    }
}
