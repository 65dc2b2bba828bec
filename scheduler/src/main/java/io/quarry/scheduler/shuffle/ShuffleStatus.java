package io.quarry.scheduler.shuffle;

/** How a shuffle server answered a request; every status but {@link #OK} carries a message. */
public enum ShuffleStatus {
    /** The partition's bytes follow the header. */
    OK(0),
    /** The server holds no output of that attempt: it never ran there, was removed, or the worker restarted. */
    UNKNOWN_ATTEMPT(1),
    /** The attempt's output has no such partition. */
    BAD_PARTITION(2),
    /** The output is registered but its index or data file is missing, corrupt or unreadable. */
    OUTPUT_UNREADABLE(3),
    /** The server failed for a reason of its own (shutting down, internal error). */
    SERVER_ERROR(4);

    private final int code;

    ShuffleStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The status of a wire code; null for a code no version of the protocol defines. */
    static ShuffleStatus ofCode(int code) {
        for (ShuffleStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return null;
    }
}
