package io.quarry.cli.dfs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.Permissions;

/** How the shell prints sizes, times and modes, matching Hadoop's FsShell. */
public final class ShellFormat {
    private static final DateTimeFormatter LIST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter STAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] PREFIXES = {"K", "M", "G", "T", "P", "E"};

    private ShellFormat() {
    }

    /** {@code -ls} time, in the local time zone like Hadoop: {@code 2026-11-28 04:13}. */
    public static String listTime(long millis) {
        return LIST_TIME.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()));
    }

    /** {@code -stat %y} time, in UTC like Hadoop: {@code 2026-11-28 04:13:07}. */
    public static String statTime(long millis) {
        return STAT_TIME.format(Instant.ofEpochMilli(millis));
    }

    /** {@code drwxr-xr-x} or {@code -rw-r--r--}. */
    public static String mode(FileStatus status) {
        return (status.isDirectory() ? "d" : "-") + Permissions.toSymbolic(status.permission());
    }

    /** Bytes as {@code -h} shows them: {@code 512}, {@code 1.5 K}, {@code 128 M}. */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        double value = bytes;
        int prefix = -1;
        while (value >= 1024 && prefix < PREFIXES.length - 1) {
            value /= 1024;
            prefix++;
        }
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + PREFIXES[prefix];
    }

    public static String size(long bytes, boolean human) {
        return human ? humanSize(bytes) : Long.toString(bytes);
    }
}
