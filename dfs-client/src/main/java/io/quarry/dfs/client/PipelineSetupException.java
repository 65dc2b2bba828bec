package io.quarry.dfs.client;

import java.io.IOException;

/** A pipeline could not be set up; {@code badNodeIndex} is the pipeline node to blame. */
final class PipelineSetupException extends IOException {
    private final int badNodeIndex;

    PipelineSetupException(int badNodeIndex, String message, Throwable cause) {
        super(message, cause);
        this.badNodeIndex = badNodeIndex;
    }

    int badNodeIndex() {
        return badNodeIndex;
    }
}
