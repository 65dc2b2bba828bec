package io.quarry.common.rpc;

import io.quarry.common.codec.MessageRegistrar;
import io.quarry.common.codec.MessageRegistry;

/** Wire ids of the RPC envelope (100-119). */
public final class RpcMessages implements MessageRegistrar {
    @Override
    public void register(MessageRegistry registry) {
        registry.register(100, RpcRequest.class);
        registry.register(101, RpcResponse.class);
        registry.register(102, RpcError.class);
        registry.register(103, Ack.class);
    }
}
