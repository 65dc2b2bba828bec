package io.quarry.mapreduce;

/**
 * Bytes read and written per filesystem scheme, shown as Hadoop does ({@code FILE: Number of
 * bytes read}). Counted with {@link #bytesRead} / {@link #bytesWritten}.
 */
public enum FileSystemCounters {
    ;

    /** The counter of bytes read through filesystems of {@code scheme} ("file", "qfs"). */
    public static Counter bytesRead(Counters counters, String scheme) {
        String prefix = scheme.toUpperCase(java.util.Locale.ROOT);
        return counters.group(FileSystemCounters.class.getName(), "File System Counters")
                .counter(prefix + "_BYTES_READ", prefix + ": Number of bytes read");
    }

    /** The counter of bytes written through filesystems of {@code scheme}. */
    public static Counter bytesWritten(Counters counters, String scheme) {
        String prefix = scheme.toUpperCase(java.util.Locale.ROOT);
        return counters.group(FileSystemCounters.class.getName(), "File System Counters")
                .counter(prefix + "_BYTES_WRITTEN", prefix + ": Number of bytes written");
    }
}
