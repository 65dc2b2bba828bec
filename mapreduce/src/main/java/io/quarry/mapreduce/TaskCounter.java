package io.quarry.mapreduce;

/** The framework's per-task counters, with Hadoop's names. */
public enum TaskCounter implements Counters.DisplayNamed {
    MAP_INPUT_RECORDS("Map input records"),
    MAP_OUTPUT_RECORDS("Map output records"),
    MAP_OUTPUT_BYTES("Map output bytes"),
    MAP_OUTPUT_MATERIALIZED_BYTES("Map output materialized bytes"),
    SPLIT_RAW_BYTES("Input split bytes"),
    COMBINE_INPUT_RECORDS("Combine input records"),
    COMBINE_OUTPUT_RECORDS("Combine output records"),
    REDUCE_INPUT_GROUPS("Reduce input groups"),
    REDUCE_SHUFFLE_BYTES("Reduce shuffle bytes"),
    REDUCE_INPUT_RECORDS("Reduce input records"),
    REDUCE_OUTPUT_RECORDS("Reduce output records"),
    SPILLED_RECORDS("Spilled Records"),
    SHUFFLED_MAPS("Shuffled Maps"),
    FAILED_SHUFFLE("Failed Shuffles"),
    MERGED_MAP_OUTPUTS("Merged Map outputs"),
    CPU_MILLISECONDS("CPU time spent (ms)");

    private final String displayName;

    TaskCounter(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
