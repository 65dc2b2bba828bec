package io.quarry.sql.exec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarry.common.conf.Configuration;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;

/**
 * What a task needs to read a table's files: the format, the data columns (in the files), the
 * partition columns (in the directory names) and the data columns the query reads
 * ({@code readColumns}, null for all; the others are left null and never decoded). Travels to the
 * tasks as job configuration under the {@code quarry.sql.input.*} keys of {@link SqlConfigKeys}.
 */
public record TableScanSpec(TableFormat format, List<Column> columns, List<Column> partitionColumns, List<String> readColumns) {
    public TableScanSpec {
        requireNonNull(format, "format is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table scan needs at least one data column");
        }
        if (readColumns != null) {
            readColumns = List.copyOf(readColumns);
            Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
            for (String name : readColumns) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("Column '" + name + "' to read is not a data column of the table "
                            + "(columns: " + names(columns) + ")");
                }
            }
        }
    }

    /** A scan that decodes every data column. */
    public TableScanSpec(TableFormat format, List<Column> columns, List<Column> partitionColumns) {
        this(format, columns, partitionColumns, null);
    }

    /** Whether the query reads any data column; when not, lines need no decoding at all. */
    public boolean readsAnyColumn() {
        return readColumns == null || !readColumns.isEmpty();
    }

    /** For each data column, whether the query reads it. */
    public boolean[] readMask() {
        boolean[] mask = new boolean[columns.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = readColumns == null || readColumns.contains(columns.get(i).name());
        }
        return mask;
    }

    /** The width of a row: data columns, then partition columns. */
    public int rowWidth() {
        return columns.size() + partitionColumns.size();
    }

    /** The configuration entries that carry this spec. */
    public Map<String, String> toSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(SqlConfigKeys.INPUT_FORMAT.name(), format.kind().name());
        settings.put(SqlConfigKeys.INPUT_COLUMNS.name(), names(columns));
        settings.put(SqlConfigKeys.INPUT_COLUMN_TYPES.name(), types(columns));
        if (readColumns != null) {
            settings.put(SqlConfigKeys.INPUT_READ_COLUMNS.name(), String.join(",", readColumns));
        }
        settings.put(SqlConfigKeys.INPUT_PARTITION_COLUMNS.name(), names(partitionColumns));
        settings.put(SqlConfigKeys.INPUT_PARTITION_COLUMN_TYPES.name(), types(partitionColumns));
        switch (format.kind()) {
            case DELIMITED -> settings.put(SqlConfigKeys.INPUT_FIELD_DELIM.name(), Integer.toString(format.fieldDelimiter()));
            case REGEX -> settings.put(SqlConfigKeys.INPUT_REGEX.name(), format.properties().get(TableFormat.INPUT_REGEX));
            case JSON -> {
            }
        }
        return settings;
    }

    /** The spec a job's configuration carries, or an error naming the key that is missing or wrong. */
    public static TableScanSpec fromConfiguration(Configuration conf) {
        String kind = conf.getString(SqlConfigKeys.INPUT_FORMAT);
        if (kind == null) {
            throw new IllegalArgumentException("Job has no table to scan: " + SqlConfigKeys.INPUT_FORMAT.name() + " is not set");
        }
        TableFormat format = switch (parseKind(kind)) {
            case DELIMITED -> TableFormat.delimited((char) conf.getInt(SqlConfigKeys.INPUT_FIELD_DELIM));
            case REGEX -> {
                String regex = conf.getString(SqlConfigKeys.INPUT_REGEX);
                if (regex == null) {
                    throw new IllegalArgumentException("REGEX table scan without " + SqlConfigKeys.INPUT_REGEX.name());
                }
                yield TableFormat.regex(regex);
            }
            case JSON -> TableFormat.json();
        };
        return new TableScanSpec(format,
                columns(conf.getList(SqlConfigKeys.INPUT_COLUMNS), conf.getList(SqlConfigKeys.INPUT_COLUMN_TYPES),
                        SqlConfigKeys.INPUT_COLUMNS.name()),
                columns(conf.getList(SqlConfigKeys.INPUT_PARTITION_COLUMNS),
                        conf.getList(SqlConfigKeys.INPUT_PARTITION_COLUMN_TYPES), SqlConfigKeys.INPUT_PARTITION_COLUMNS.name()),
                conf.isSet(SqlConfigKeys.INPUT_READ_COLUMNS)
                        ? conf.getList(SqlConfigKeys.INPUT_READ_COLUMNS).stream().filter(n -> !n.isBlank()).toList() : null);
    }

    private static TableFormat.Kind parseKind(String kind) {
        try {
            return TableFormat.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SqlConfigKeys.INPUT_FORMAT.name() + " is '" + kind
                    + "', expected DELIMITED, REGEX or JSON", e);
        }
    }

    private static List<Column> columns(List<String> names, List<String> types, String key) {
        List<String> cleanNames = names.stream().filter(n -> !n.isBlank()).toList();
        List<String> cleanTypes = types.stream().filter(t -> !t.isBlank()).toList();
        if (cleanNames.size() != cleanTypes.size()) {
            throw new IllegalArgumentException(key + " names " + cleanNames.size() + " columns but its .types key has "
                    + cleanTypes.size() + " types");
        }
        List<Column> columns = new ArrayList<>(cleanNames.size());
        for (int i = 0; i < cleanNames.size(); i++) {
            String type = cleanTypes.get(i);
            columns.add(new Column(cleanNames.get(i), ColumnType.fromName(type).orElseThrow(
                    () -> new IllegalArgumentException(key + ": unknown type '" + type + "'"))));
        }
        return columns;
    }

    private static String names(List<Column> columns) {
        for (Column column : columns) {
            if (column.name().indexOf(',') >= 0) {
                throw new IllegalArgumentException("Column name '" + column.name() + "' contains ',' and cannot be scanned");
            }
        }
        return columns.stream().map(Column::name).collect(Collectors.joining(","));
    }

    private static String types(List<Column> columns) {
        return columns.stream().map(c -> c.type().name()).collect(Collectors.joining(","));
    }
}
