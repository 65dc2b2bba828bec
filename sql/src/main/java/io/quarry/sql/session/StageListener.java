package io.quarry.sql.session;

/** Told about the progress of each MapReduce stage of a running statement. */
@FunctionalInterface
public interface StageListener {
    /** Ignores every report. */
    StageListener NONE = p -> {
    };

    void onProgress(StageProgress progress);
}
