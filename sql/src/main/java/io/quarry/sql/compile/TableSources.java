package io.quarry.sql.compile;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.exec.TableScanJobs;
import io.quarry.sql.runtime.expr.Expr;
import io.quarry.sql.runtime.plan.Source;
import io.quarry.sql.session.SqlException;

/**
 * Table scans as stage sources: checks the location exists, measures the files (for broadcast
 * joins and reducer counts), and for a partitioned table keeps only the partitions whose values
 * can satisfy the filter over the scan (partition pruning).
 */
final class TableSources {
    private final Configuration conf;
    private final Catalog catalog;

    TableSources(Configuration conf, Catalog catalog) {
        this.conf = requireNonNull(conf, "conf is null");
        this.catalog = catalog;
    }

    /**
     * A scan of {@code table} that decodes only the data columns {@code readColumns}; with
     * {@code filter} (over the table's row) a partitioned table reads only matching partitions.
     */
    Source scan(TableDefinition table, Expr filter, List<String> readColumns) throws SqlException {
        Path location = new Path(table.location());
        try (FileSystem fs = FileSystem.get(location, conf)) {
            if (!fs.exists(location)) {
                throw new SqlException("Table " + table.qualifiedName() + ": location " + table.location() + " does not exist");
            }
            if (!table.isPartitioned() || catalog == null) {
                return new Source.Table(describe(table, readColumns), TableScanJobs.settings(table, null, readColumns), size(fs, location));
            }
            List<PartitionDefinition> all = catalog.partitions(table.database(), table.name());
            List<PartitionDefinition> chosen = new ArrayList<>();
            for (PartitionDefinition partition : all) {
                if (filter == null || matches(table, partition, filter)) {
                    chosen.add(partition);
                }
            }
            if (filter == null && all.isEmpty()) {
                return new Source.Table(describe(table, readColumns), TableScanJobs.settings(table, null, readColumns), size(fs, location));
            }
            if (chosen.isEmpty()) {
                return new Source.Rows(List.of());
            }
            long bytes = 0;
            for (PartitionDefinition partition : chosen) {
                Path dir = new Path(partition.location());
                try (FileSystem pfs = FileSystem.get(dir, conf)) {
                    bytes += pfs.exists(dir) ? size(pfs, dir) : 0;
                }
            }
            return new Source.Table(describe(table, readColumns) + " (" + chosen.size() + " of " + all.size() + " partitions)",
                    TableScanJobs.settings(table, chosen, readColumns), bytes);
        } catch (IOException e) {
            throw new SqlException("Cannot read table " + table.qualifiedName() + " at " + table.location() + ": " + e.getMessage(), e);
        }
    }

    /** The table's name and, when a query reads only some of its data columns, which (as EXPLAIN shows them). */
    private static String describe(TableDefinition table, List<String> readColumns) {
        if (readColumns == null || readColumns.size() == table.columns().size()) {
            return table.qualifiedName();
        }
        return table.qualifiedName() + (readColumns.isEmpty() ? " (decodes no column)" : " (decodes " + String.join(", ", readColumns) + ")");
    }

    /** Whether the filter (over partition columns only) holds for the partition's values. */
    private static boolean matches(TableDefinition table, PartitionDefinition partition, Expr filter) {
        Object[] row = new Object[table.allColumns().size()];
        int first = table.columns().size();
        for (int i = 0; i < table.partitionColumns().size(); i++) {
            var column = table.partitionColumns().get(i);
            String text = partition.values().get(column.name());
            row[first + i] = text == null ? null : column.type().parse(text);
        }
        return filter.eval(row) == Boolean.TRUE;
    }

    private static long size(FileSystem fs, Path dir) throws IOException {
        long bytes = 0;
        for (FileStatus file : fs.listFilesRecursive(dir)) {
            bytes += file.length();
        }
        return bytes;
    }
}
