package io.quarry.common.error;

/**
 * Error codes carried on the wire. Callers decide what to do by code and category, never by
 * message text. Codes are stable: never renumber or reuse one.
 */
public enum ErrorCode {
    INTERNAL(1, ErrorCategory.INTERNAL),
    UNKNOWN_REQUEST(2, ErrorCategory.INTERNAL),
    PROTOCOL_ERROR(3, ErrorCategory.USER),
    INVALID_ARGUMENT(4, ErrorCategory.USER),
    TIMEOUT(5, ErrorCategory.RETRIABLE),
    UNAVAILABLE(6, ErrorCategory.RETRIABLE),
    FILE_NOT_FOUND(10, ErrorCategory.USER),
    FILE_ALREADY_EXISTS(11, ErrorCategory.USER),
    PARENT_NOT_DIRECTORY(12, ErrorCategory.USER),
    NOT_A_DIRECTORY(13, ErrorCategory.USER),
    IS_A_DIRECTORY(14, ErrorCategory.USER),
    DIRECTORY_NOT_EMPTY(15, ErrorCategory.USER),
    ACCESS_DENIED(16, ErrorCategory.USER),
    LEASE_CONFLICT(17, ErrorCategory.USER),
    LEASE_EXPIRED(18, ErrorCategory.USER),
    SAFE_MODE(19, ErrorCategory.RETRIABLE),
    NOT_REPLICATED_YET(20, ErrorCategory.RETRIABLE),
    STANDBY(21, ErrorCategory.RETRIABLE),
    CHECKSUM_MISMATCH(22, ErrorCategory.RETRIABLE),
    BLOCK_NOT_FOUND(23, ErrorCategory.USER),
    STALE_GENERATION(24, ErrorCategory.USER),
    DISK_ERROR(25, ErrorCategory.RETRIABLE),
    QUOTA_EXCEEDED(26, ErrorCategory.USER);

    private final int id;
    private final ErrorCategory category;

    ErrorCode(int id, ErrorCategory category) {
        this.id = id;
        this.category = category;
    }

    public int id() {
        return id;
    }

    public ErrorCategory category() {
        return category;
    }

    public boolean isRetriable() {
        return category == ErrorCategory.RETRIABLE;
    }

    public static ErrorCode fromId(int id) {
        for (ErrorCode code : values()) {
            if (code.id == id) {
                return code;
            }
        }
        return INTERNAL;
    }
}
