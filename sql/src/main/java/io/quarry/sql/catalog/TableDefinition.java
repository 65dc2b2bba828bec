package io.quarry.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quarry.sql.format.Column;
import io.quarry.sql.format.TableFormat;

/**
 * A table of the catalog: its columns, partition columns (which are not in the files but in the
 * directory names), whether it is EXTERNAL (dropping it keeps the data) or managed, where its
 * files are and how their lines are read. Database and table names are lower case, as in Hive.
 */
public record TableDefinition(String database, String name, List<Column> columns, List<Column> partitionColumns,
        boolean external, String location, TableFormat format) {
    public TableDefinition {
        database = CatalogNames.normalize(requireNonNull(database, "database is null"), "database");
        name = CatalogNames.normalize(requireNonNull(name, "name is null"), "table");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        partitionColumns = List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
        requireNonNull(location, "location is null");
        requireNonNull(format, "format is null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + database + "." + name + " has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (Column column : concat(columns, partitionColumns)) {
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Table " + database + "." + name + " declares column '"
                        + column.name() + "' twice");
            }
        }
    }

    /** {@code database.name}. */
    public String qualifiedName() {
        return database + "." + name;
    }

    /** The data columns followed by the partition columns, as a query sees them. */
    public List<Column> allColumns() {
        return concat(columns, partitionColumns);
    }

    /** The column named {@code columnName} (case-insensitive), data or partition column. */
    public Optional<Column> column(String columnName) {
        return allColumns().stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public boolean isPartitioned() {
        return !partitionColumns.isEmpty();
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
