package io.quarry.mapreduce.recordfile;

import io.quarry.dfs.Path;
import java.io.IOException;

/** A record file whose bytes are not what was written: a bad header, sync marker, length or checksum. */
public final class CorruptRecordFileException extends IOException {
    private final transient Path file;
    private final long offset;

    public CorruptRecordFileException(Path file, long offset, String problem) {
        this(file, offset, problem, null);
    }

    public CorruptRecordFileException(Path file, long offset, String problem, Throwable cause) {
        super("Corrupt record file " + file + " at byte offset " + offset + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
