package io.quarry.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What one catalog file holds: a table and its partitions. */
record StoredTable(TableDefinition table, List<PartitionDefinition> partitions) {
    StoredTable {
        requireNonNull(table, "table is null");
        partitions = List.copyOf(requireNonNull(partitions, "partitions is null"));
    }
}
