package io.quarry.scheduler.shuffle;

import java.io.IOException;

import io.quarry.common.net.HostAndPort;
import io.quarry.mapreduce.TaskAttemptId;

import static java.util.Objects.requireNonNull;

/**
 * A reducer could not fetch one map's output from the Worker that holds it: the connection
 * failed or broke, the Worker answered with an error, or the transfer stalled. The Scheduler
 * decides by {@link #mapIndex()} and {@link #host()} whether to re-run the map, never by the
 * message text. {@link #status()} is the Worker's answer, or null when there was none.
 */
public final class FetchFailedException extends IOException {
    private final int mapIndex;
    private final int partition;
    private final HostAndPort host;
    private final TaskAttemptId mapAttempt;
    private final ShuffleStatus status;

    public FetchFailedException(int mapIndex, int partition, HostAndPort host, TaskAttemptId mapAttempt, ShuffleStatus status,
                                String detail, Throwable cause) {
        super("Cannot fetch partition " + partition + " of map " + mapIndex + " (" + mapAttempt + ") from " + host + ": "
                + detail, cause);
        this.mapIndex = mapIndex;
        this.partition = partition;
        this.host = requireNonNull(host, "host is null");
        this.mapAttempt = requireNonNull(mapAttempt, "mapAttempt is null");
        this.status = status;
    }

    /**
     * The fetch failure behind a failed reduce attempt (reduce tasks wrap what their fetcher
     * threw), or null when it failed for another reason.
     */
    public static FetchFailedException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FetchFailedException fetchFailed) {
                return fetchFailed;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public int mapIndex() {
        return mapIndex;
    }

    public int partition() {
        return partition;
    }

    /** The shuffle server of the Worker that was asked. */
    public HostAndPort host() {
        return host;
    }

    public TaskAttemptId mapAttempt() {
        return mapAttempt;
    }

    /** The Worker's error status, or null when the failure was the connection's (refused, lost, timed out). */
    public ShuffleStatus status() {
        return status;
    }
}
