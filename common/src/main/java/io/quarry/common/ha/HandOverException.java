package io.quarry.common.ha;

import java.io.IOException;

/** A graceful failover could not happen: no active, no standby, or none took over in time. */
public final class HandOverException extends IOException {
    public HandOverException(String message) {
        super(message);
    }
}
