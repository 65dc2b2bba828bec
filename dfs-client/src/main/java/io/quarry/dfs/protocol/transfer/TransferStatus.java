package io.quarry.dfs.protocol.transfer;

/** Outcome codes of data transfer operations and per-node pipeline acks. */
public enum TransferStatus {
    SUCCESS,
    ERROR,
    ERROR_CHECKSUM,
    ERROR_INVALID,
    ERROR_EXISTS,
    ERROR_NOT_FOUND,
    ERROR_STALE_GENERATION,
    /** The operation is not offered to this peer (a short-circuit read asked from another host). */
    ERROR_UNSUPPORTED;

    public byte code() {
        return (byte) ordinal();
    }

    public static TransferStatus fromCode(byte code) {
        TransferStatus[] values = values();
        return code >= 0 && code < values.length ? values[code] : ERROR;
    }
}
