package io.quarry.dfs.protocol.transfer;

import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

import static java.util.Objects.requireNonNull;

/**
 * A decoded data packet. It owns a reference to its frame; {@link #checksums()} and {@link #data()}
 * are views into it, valid until the packet is released. Whoever consumes a packet releases it.
 */
public final class Packet extends AbstractReferenceCounted {
    public static final int FLAG_LAST = 1;
    public static final int FLAG_SYNC = 2;

    private final long seqno;
    private final long offsetInBlock;
    private final int flags;
    private final ByteBuf frame;
    private final ByteBuf checksums;
    private final ByteBuf data;

    public Packet(long seqno, long offsetInBlock, int flags, ByteBuf frame, ByteBuf checksums, ByteBuf data) {
        this.seqno = seqno;
        this.offsetInBlock = offsetInBlock;
        this.flags = flags;
        this.frame = requireNonNull(frame, "frame is null");
        this.checksums = requireNonNull(checksums, "checksums is null");
        this.data = requireNonNull(data, "data is null");
    }

    public long seqno() {
        return seqno;
    }

    public long offsetInBlock() {
        return offsetInBlock;
    }

    public boolean isLast() {
        return (flags & FLAG_LAST) != 0;
    }

    public boolean isSync() {
        return (flags & FLAG_SYNC) != 0;
    }

    public int flags() {
        return flags;
    }

    public ByteBuf checksums() {
        return checksums;
    }

    public ByteBuf data() {
        return data;
    }

    public int dataLength() {
        return data.readableBytes();
    }

    /** The whole frame (without its length prefix), e.g. to forward the packet downstream unchanged. */
    public ByteBuf frame() {
        return frame;
    }

    @Override
    protected void deallocate() {
        frame.release();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        frame.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "Packet[seqno=" + seqno + ", offset=" + offsetInBlock + ", length=" + data.readableBytes()
                + (isLast() ? ", last" : "") + "]";
    }
}
