package io.quarry.sql.exec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.mapreduce.Job;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.catalog.TableDefinition;

/**
 * Turns a catalog table (and, for a partitioned table, the partitions a query reads) into the job
 * configuration of a {@link TableInputFormat} scan. With no partitions chosen the whole table
 * location is read, recursively for a partitioned table so its {@code col=value} directories are
 * found; with partitions chosen only their directories are read, which is all partition pruning
 * has to do.
 */
public final class TableScanJobs {
    private TableScanJobs() {
    }

    /** Sets {@code job}'s input format, input directories and table scan keys to read {@code table}. */
    public static Job configure(Job job, TableDefinition table, List<PartitionDefinition> partitions) {
        requireNonNull(job, "job is null");
        settings(table, partitions).forEach(job::set);
        return job;
    }

    /** The configuration entries that make a job scan {@code table}, reading all of it. */
    public static Map<String, String> settings(TableDefinition table) {
        return settings(table, null);
    }

    /**
     * The configuration entries that make a job scan {@code table}: all of it when
     * {@code partitions} is null, else only those partitions. An empty list is refused: a query
     * whose pruning leaves no partition has nothing to scan and needs no job.
     */
    public static Map<String, String> settings(TableDefinition table, List<PartitionDefinition> partitions) {
        return settings(table, partitions, null);
    }

    /**
     * As {@link #settings(TableDefinition, List)}, decoding only the data columns named in
     * {@code readColumns} (all of them when null; none when empty: each line is then a row of
     * NULLs, which is all {@code count(*)} needs).
     */
    public static Map<String, String> settings(TableDefinition table, List<PartitionDefinition> partitions, List<String> readColumns) {
        requireNonNull(table, "table is null");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(MapReduceConfigKeys.INPUT_FORMAT_CLASS.name(), TableInputFormat.class.getName());
        List<String> directories = new ArrayList<>();
        if (partitions == null) {
            directories.add(table.location());
        } else {
            if (!table.isPartitioned()) {
                throw new IllegalArgumentException("Table " + table.qualifiedName() + " is not partitioned, yet "
                        + partitions.size() + " partitions were chosen");
            }
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("No partitions of " + table.qualifiedName() + " chosen: nothing to scan");
            }
            partitions.forEach(p -> directories.add(p.location()));
            settings.put(SqlConfigKeys.INPUT_PARTITION_LOCATIONS.name(), PartitionLocations.setting(partitions));
        }
        for (String directory : directories) {
            if (directory.contains(",")) {
                throw new IllegalArgumentException("Cannot scan " + table.qualifiedName() + ": input directory '"
                        + directory + "' contains ','");
            }
        }
        settings.put(MapReduceConfigKeys.INPUT_DIRS.name(), String.join(",", directories));
        settings.put(MapReduceConfigKeys.INPUT_RECURSIVE.name(), Boolean.toString(table.isPartitioned()));
        settings.putAll(new TableScanSpec(table.format(), table.columns(), table.partitionColumns(), readColumns).toSettings());
        return settings;
    }
}
