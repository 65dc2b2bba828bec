package io.quarry.mapreduce.runtime;

/**
 * The reduce task's budget for fetched map output held in memory, shared by the fetch threads.
 * A fetch that finds no room goes to disk instead of waiting, so fetching never blocks on memory.
 */
final class ShuffleMemory {
    private final long limit;
    private long reserved;

    ShuffleMemory(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("shuffle memory must be positive, got " + limit);
        }
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** Reserves {@code bytes} if they fit in what is left; false (nothing reserved) otherwise. */
    synchronized boolean tryReserve(long bytes) {
        if (reserved + bytes > limit) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        reserved -= bytes;
        if (reserved < 0) {
            throw new IllegalStateException("released more shuffle memory than reserved (" + reserved + ")");
        }
    }

    synchronized long reserved() {
        return reserved;
    }
}
