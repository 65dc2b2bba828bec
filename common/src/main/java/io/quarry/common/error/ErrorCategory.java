package io.quarry.common.error;

/** How a caller should react to an error: fix the request, try again, or report a bug. */
public enum ErrorCategory {
    /** The request is wrong (bad path, no permission, already exists); retrying will not help. */
    USER,
    /** A transient condition (safe mode, timeout, node down); the same call may succeed later. */
    RETRIABLE,
    /** Something is broken on the server side. */
    INTERNAL
}
