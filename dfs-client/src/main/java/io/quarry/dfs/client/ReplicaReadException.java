package io.quarry.dfs.client;

import java.io.IOException;

/** Reading one replica failed; {@code corrupt} when its bytes did not match their checksums. */
final class ReplicaReadException extends IOException {
    private final boolean corrupt;

    ReplicaReadException(String message, boolean corrupt, Throwable cause) {
        super(message, cause);
        this.corrupt = corrupt;
    }

    boolean corrupt() {
        return corrupt;
    }
}
