package io.quarry.common.rpc;

import java.util.concurrent.CompletionStage;

/**
 * Serves the requests that arrive at an {@link RpcServer}. The returned stage completes with the
 * reply body, or exceptionally with a {@link io.quarry.common.error.QuarryException} whose code goes
 * back to the caller (any other exception is reported as an internal error). Implementations must
 * not block: return a stage completed later.
 */
public interface RpcService {
    CompletionStage<?> handle(CallContext context, Object request);
}
