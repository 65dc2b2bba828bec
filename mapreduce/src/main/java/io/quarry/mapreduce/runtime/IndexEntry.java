package io.quarry.mapreduce.runtime;

/**
 * Where one partition's segment lies in a map output or spill file: the stored bytes
 * {@code [offset, offset + storedLength)} decode to {@code rawLength} bytes of records; CRC32C of
 * the stored bytes.
 */
public record IndexEntry(long offset, long rawLength, long storedLength, long crc32c) {
    public IndexEntry {
        if (offset < 0 || rawLength < 0 || storedLength < 0) {
            throw new IllegalArgumentException("negative segment bounds: offset " + offset + ", raw " + rawLength
                    + ", stored " + storedLength);
        }
    }
}
