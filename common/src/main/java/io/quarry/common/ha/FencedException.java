package io.quarry.common.ha;

import java.io.IOException;

/** A write guarded by an epoch was refused because a newer leader has taken over since. */
public final class FencedException extends IOException {
    public FencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
