package io.quarry.dfs.protocol.transfer;

/** The first byte of every frame on a data transfer connection. */
public enum FrameType {
    /** A Kryo-encoded op or response record. */
    OP((byte) 1),
    /** A data packet: binary header, checksums, data. */
    PACKET((byte) 2),
    /** A pipeline ack: sequence number and one status per node from here downstream. */
    ACK((byte) 3);

    private final byte code;

    FrameType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    public static FrameType fromCode(byte code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
