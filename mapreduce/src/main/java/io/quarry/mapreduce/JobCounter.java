package io.quarry.mapreduce;

/** The framework's per-job counters, with Hadoop's names. */
public enum JobCounter implements Counters.DisplayNamed {
    TOTAL_LAUNCHED_MAPS("Launched map tasks"),
    TOTAL_LAUNCHED_REDUCES("Launched reduce tasks"),
    NUM_FAILED_MAPS("Failed map tasks"),
    NUM_FAILED_REDUCES("Failed reduce tasks"),
    NUM_KILLED_MAPS("Killed map tasks"),
    NUM_KILLED_REDUCES("Killed reduce tasks"),
    DATA_LOCAL_MAPS("Data-local map tasks"),
    RACK_LOCAL_MAPS("Rack-local map tasks"),
    OTHER_LOCAL_MAPS("Other local map tasks"),
    MILLIS_MAPS("Total time spent by all map tasks (ms)"),
    MILLIS_REDUCES("Total time spent by all reduce tasks (ms)");

    private final String displayName;

    JobCounter(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
