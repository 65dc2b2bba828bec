package io.quarry.sql.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.quarry.dfs.Path;
import io.quarry.sql.format.Column;

/**
 * Reads partition-column values from a file's directory names, as Hive lays partitions out:
 * {@code <table>/dt=2024-01-02/hour=13/part-0}. The nearest {@code col=value} directory for a
 * column wins; names match case-insensitively; {@code %XX} escapes are decoded. A column without
 * such a directory, Hive's {@code __HIVE_DEFAULT_PARTITION__}, or a value that does not parse as the
 * column's type is NULL.
 */
final class PartitionPathValues {
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private PartitionPathValues() {
    }

    /** The typed values of {@code partitionColumns} for {@code file}, in column order. */
    static Object[] of(Path file, List<Column> partitionColumns) {
        List<String> directories = new ArrayList<>();
        for (Path dir = file.parent(); dir != null && !dir.isRoot(); dir = dir.parent()) {
            directories.add(dir.name());
        }
        return values(directories, partitionColumns);
    }

    /** The typed values of {@code partitionColumns} in a partition name such as {@code dt=2024-01-02/hour=13}. */
    static Object[] of(String partitionName, List<Column> partitionColumns) {
        List<String> parts = new ArrayList<>(Arrays.asList(partitionName.split("/")));
        Collections.reverse(parts);
        return values(parts, partitionColumns);
    }

    private static Object[] values(List<String> nearestFirst, List<Column> partitionColumns) {
        Object[] values = new Object[partitionColumns.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = partitionColumns.get(i);
            String text = find(nearestFirst, column.name());
            values[i] = text == null || text.equals(DEFAULT_PARTITION) ? null : column.type().parse(text);
        }
        return values;
    }

    private static String find(List<String> nearestFirst, String columnName) {
        String prefix = columnName.toLowerCase(Locale.ROOT) + "=";
        for (String name : nearestFirst) {
            if (name.length() >= prefix.length() && name.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
                return unescape(name.substring(prefix.length()));
            }
        }
        return null;
    }

    /** Hive's FileUtils.unescapePathName: {@code %XX} is the byte XX; a malformed escape stays as written. */
    static String unescape(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
