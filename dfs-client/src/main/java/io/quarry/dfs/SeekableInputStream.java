package io.quarry.dfs;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that can jump to any offset of the file, as split readers need. */
public abstract class SeekableInputStream extends InputStream {
    /** Moves to {@code position}; the next read returns the byte there. */
    public abstract void seek(long position) throws IOException;

    /** The offset of the next byte read. */
    public abstract long position() throws IOException;

    /** The length of the file. */
    public abstract long length() throws IOException;
}
