package io.quarry.common.rpc;

import static java.util.Objects.requireNonNull;

/**
 * The envelope of one call. {@code callId} is unique per client and is kept across retries of
 * the same call, so a server can recognise a retry.
 *
 * @param timeoutMillis how long the caller waits; the server drops the call once it has passed
 */
public record RpcRequest(long callId, String clientId, String user, int timeoutMillis, Object body) {
    public RpcRequest {
        requireNonNull(clientId, "clientId is null");
        requireNonNull(user, "user is null");
        requireNonNull(body, "body is null");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
    }
}
