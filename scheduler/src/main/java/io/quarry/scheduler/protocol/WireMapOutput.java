package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

/** One finished map's output: the successful attempt and the shuffle server of the worker that holds it. */
public record WireMapOutput(int mapIndex, String mapAttemptId, String host, int shufflePort) {
    public WireMapOutput {
        requireNonNull(mapAttemptId, "mapAttemptId is null");
        requireNonNull(host, "host is null");
    }
}
