package io.quarry.common.ha;

import java.io.IOException;

/** ZooKeeper could not be reached or did not answer in time; the message names the quorum. */
public final class HaUnavailableException extends IOException {
    public HaUnavailableException(String message) {
        super(message);
    }

    public HaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
