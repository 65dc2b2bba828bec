package io.quarry.dfs.protocol.transfer;

import io.quarry.dfs.protocol.ReplicaState;

public record ReplicaRecoveryResponse(TransferStatus status, String message, long numBytes, ReplicaState state) {
}
