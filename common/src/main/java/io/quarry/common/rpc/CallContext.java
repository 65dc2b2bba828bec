package io.quarry.common.rpc;

import java.net.SocketAddress;

/** Who is calling and until when the answer is wanted. */
public record CallContext(String clientId, long callId, String user, SocketAddress remoteAddress, long deadlineNanos) {
}
