package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.RpcClient;

/**
 * Calls the NameNode. FILE_NOT_FOUND refusals become {@link FileNotFoundException} (naming the
 * path, as Hadoop users expect); every other refusal stays a {@link QuarryException} with its code.
 */
final class NameNodeClient {
    private final RpcClient rpc;
    private final HostAndPort address;

    NameNodeClient(RpcClient rpc, HostAndPort address) {
        this.rpc = requireNonNull(rpc, "rpc is null");
        this.address = requireNonNull(address, "address is null");
    }

    HostAndPort address() {
        return address;
    }

    String clientName() {
        return rpc.clientId();
    }

    String user() {
        return rpc.user();
    }

    <T> T call(Object request, Class<T> replyType) throws IOException {
        try {
            return rpc.call(address, request, replyType);
        } catch (QuarryException e) {
            if (e.code() == ErrorCode.FILE_NOT_FOUND) {
                FileNotFoundException notFound = new FileNotFoundException(e.getMessage());
                notFound.initCause(e);
                throw notFound;
            }
            throw e;
        }
    }
}
