package io.quarry.common.rpc;

/** The answer to one call: either a body (which may be null for void calls) or an error. */
public record RpcResponse(long callId, Object body, RpcError error) {
    public static RpcResponse success(long callId, Object body) {
        return new RpcResponse(callId, body, null);
    }

    public static RpcResponse failure(long callId, RpcError error) {
        return new RpcResponse(callId, null, error);
    }
}
