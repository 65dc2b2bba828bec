package io.quarry.dfs.datanode.transfer;

import java.nio.channels.FileChannel;

import io.netty.channel.DefaultFileRegion;

/**
 * A zero-copy slice of a file that, unlike a plain {@link DefaultFileRegion}, does not close the
 * file when released: one open block file serves every packet of a read, and the sender closes
 * it. It stays a {@code DefaultFileRegion} so the native transport sends it with
 * {@code sendfile}; any other region would be copied through a small buffer.
 */
final class SharedFileRegion extends DefaultFileRegion {
    SharedFileRegion(FileChannel file, long position, long count) {
        super(file, position, count);
    }

    @Override
    protected void deallocate() {
        // The file belongs to the BlockSender, which closes it when the read ends.
    }
}
