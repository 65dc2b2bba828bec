package io.quarry.mapreduce.runtime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Serves local map output as plain streams, as a fetcher over the network would, so the reduce
 * side holds segments in memory or copies them to its own disk instead of reading the map files.
 */
final class StreamingFetcher implements MapOutputFetcher {
    private final LocalMapOutputFetcher local;
    private final long flipByteAt;

    StreamingFetcher(List<MapOutput> outputs) {
        this(outputs, -1);
    }

    /** Serves every segment with the byte at stored offset {@code flipByteAt} inverted (none when negative). */
    StreamingFetcher(List<MapOutput> outputs, long flipByteAt) {
        this.local = new LocalMapOutputFetcher(outputs);
        this.flipByteAt = flipByteAt;
    }

    @Override
    public FetchedSegment fetch(int mapIndex, int partition) throws IOException {
        FetchedSegment segment = local.fetch(mapIndex, partition);
        InputStream stream = new FilterInputStream(segment.stream()) {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && flipByteAt >= position && flipByteAt < position + n) {
                    b[off + (int) (flipByteAt - position)] ^= (byte) 0xFF;
                }
                position += Math.max(0, n);
                return n;
            }
        };
        return new FetchedSegment(mapIndex, stream, segment.storedLength(), segment.rawLength(), segment.codec(),
                segment.crc32c());
    }
}
