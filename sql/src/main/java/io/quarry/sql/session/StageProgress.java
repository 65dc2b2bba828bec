package io.quarry.sql.session;

import static java.util.Objects.requireNonNull;

/**
 * The progress of one stage of a statement: stage {@code stage} (1-based) of {@code stageCount},
 * what it does, and its map and reduce progress in [0, 1].
 */
public record StageProgress(int stage, int stageCount, String description, float mapProgress, float reduceProgress) {
    public StageProgress {
        requireNonNull(description, "description is null");
        if (stage < 1 || stage > stageCount) {
            throw new IllegalArgumentException("stage " + stage + " is not in 1.." + stageCount);
        }
    }
}
