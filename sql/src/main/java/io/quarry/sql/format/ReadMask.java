package io.quarry.sql.format;

import java.util.Arrays;

/** The columns a deserializer decodes: a copy of the caller's mask, or every column. */
final class ReadMask {
    private ReadMask() {
    }

    static boolean[] of(boolean[] read, int width) {
        if (read == null) {
            boolean[] all = new boolean[width];
            Arrays.fill(all, true);
            return all;
        }
        if (read.length != width) {
            throw new IllegalArgumentException("Read mask covers " + read.length + " columns, the table has " + width);
        }
        return read.clone();
    }
}
