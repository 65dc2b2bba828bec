package io.quarry.dfs.datanode.transfer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;

import static java.util.Objects.requireNonNull;

/**
 * A zero-copy slice of a file that, unlike Netty's DefaultFileRegion, does not close the file
 * when released: one open block file serves every packet of a read.
 */
final class SharedFileRegion extends AbstractReferenceCounted implements FileRegion {
    private final FileChannel file;
    private final long position;
    private final long count;
    private long transferred;

    SharedFileRegion(FileChannel file, long position, long count) {
        this.file = requireNonNull(file, "file is null");
        this.position = position;
        this.count = count;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    @Deprecated
    public long transfered() {
        return transferred;
    }

    @Override
    public long transferred() {
        return transferred;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long transferTo(WritableByteChannel target, long at) throws IOException {
        long remaining = count - at;
        if (remaining <= 0) {
            return 0;
        }
        long written = file.transferTo(position + at, remaining, target);
        if (written == 0 && file.size() < position + count) {
            throw new IOException("file shrank below " + (position + count) + " bytes while being sent");
        }
        transferred += written;
        return written;
    }

    @Override
    protected void deallocate() {
    }

    @Override
    public FileRegion retain() {
        super.retain();
        return this;
    }

    @Override
    public FileRegion retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public FileRegion touch() {
        return this;
    }

    @Override
    public FileRegion touch(Object hint) {
        return this;
    }
}
