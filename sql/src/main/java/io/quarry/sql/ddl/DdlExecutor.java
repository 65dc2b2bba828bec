package io.quarry.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.CatalogException;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.ddl.DdlStatement.AddPartitions;
import io.quarry.sql.ddl.DdlStatement.CreateDatabase;
import io.quarry.sql.ddl.DdlStatement.CreateTable;
import io.quarry.sql.ddl.DdlStatement.Describe;
import io.quarry.sql.ddl.DdlStatement.DescribeDatabase;
import io.quarry.sql.ddl.DdlStatement.DropDatabase;
import io.quarry.sql.ddl.DdlStatement.DropPartitions;
import io.quarry.sql.ddl.DdlStatement.DropTable;
import io.quarry.sql.ddl.DdlStatement.PartitionSpec;
import io.quarry.sql.ddl.DdlStatement.RepairTable;
import io.quarry.sql.ddl.DdlStatement.ShowDatabases;
import io.quarry.sql.ddl.DdlStatement.ShowPartitions;
import io.quarry.sql.ddl.DdlStatement.ShowTables;
import io.quarry.sql.ddl.DdlStatement.TableRef;
import io.quarry.sql.ddl.DdlStatement.UseDatabase;
import io.quarry.sql.format.RowFormats;

/**
 * Runs DDL statements against the catalog. A managed table without a LOCATION lives under
 * {@code hive.metastore.warehouse.dir}; its directory is created with the table and deleted with
 * it. Dropping an EXTERNAL table leaves its files alone.
 */
public final class DdlExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(DdlExecutor.class);

    private final Catalog catalog;
    private final Configuration conf;
    private final DatabaseStatements databases;

    public DdlExecutor(Catalog catalog, Configuration conf) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.conf = requireNonNull(conf, "conf is null");
        this.databases = new DatabaseStatements(catalog, conf);
    }

    /** Parses and runs one statement in {@code currentDatabase}. */
    public DdlResult execute(String sql, String currentDatabase) throws IOException {
        return execute(DdlParser.parse(sql), currentDatabase);
    }

    /**
     * @throws CatalogException for an unknown or existing table, or a format that does not fit the columns
     */
    public DdlResult execute(DdlStatement statement, String currentDatabase) throws IOException {
        requireNonNull(currentDatabase, "currentDatabase is null");
        if (statement instanceof CreateDatabase create) {
            return databases.create(create);
        }
        if (statement instanceof DropDatabase drop) {
            return databases.drop(drop, this);
        }
        if (statement instanceof ShowDatabases show) {
            return databases.show(show);
        }
        if (statement instanceof DescribeDatabase describe) {
            return databases.describe(describe.database());
        }
        if (statement instanceof UseDatabase use) {
            String name = catalog.database(use.database()).name();
            return DdlResult.message("Using database " + name);
        }
        if (statement instanceof DropPartitions drop) {
            return dropPartitions(drop, currentDatabase);
        }
        if (statement instanceof CreateTable create) {
            return create(create, currentDatabase);
        }
        if (statement instanceof DropTable drop) {
            return drop(drop, currentDatabase);
        }
        if (statement instanceof ShowTables show) {
            List<List<String>> rows = catalog.tables(show.database().orElse(currentDatabase)).stream().map(List::of).toList();
            return new DdlResult(List.of("tab_name"), rows, rows.size() + " tables");
        }
        if (statement instanceof AddPartitions add) {
            return addPartitions(add, currentDatabase);
        }
        if (statement instanceof RepairTable repair) {
            TableDefinition table = catalog.table(database(repair.table(), currentDatabase), repair.table().name());
            return new PartitionRepair(catalog, conf).run(table, repair.repair());
        }
        if (statement instanceof ShowPartitions show) {
            List<List<String>> rows = catalog.partitions(database(show.table(), currentDatabase), show.table().name()).stream()
                    .map(p -> List.of(p.name())).toList();
            return new DdlResult(List.of("partition"), rows, rows.size() + " partitions");
        }
        Describe describe = (Describe) statement;
        TableRef ref = describe.table();
        TableDefinition table = catalog.table(database(ref, currentDatabase), ref.name());
        return new DdlResult(List.of("col_name", "data_type", "comment"), TableDescription.rows(table, describe.formatted()), "");
    }

    private DdlResult create(CreateTable create, String currentDatabase) throws IOException {
        String database = database(create.table(), currentDatabase);
        String name = create.table().name().toLowerCase(Locale.ROOT);
        String location = create.location().isPresent() ? create.location().get() : defaultLocation(database, name);
        TableDefinition table;
        try {
            table = new TableDefinition(database, name, create.columns(), create.partitionColumns(),
                    create.external(), location, create.format());
            RowFormats.deserializer(table.format(), table.columns());
        } catch (IllegalArgumentException e) {
            throw new CatalogException("Cannot create table " + database + "." + name + ": " + e.getMessage());
        }
        if (!catalog.createTable(table, create.ifNotExists())) {
            return DdlResult.message("Table " + table.qualifiedName() + " already exists");
        }
        if (!table.external()) {
            Path path = new Path(location);
            FileSystem.get(path, conf).mkdirs(path);
        }
        return DdlResult.message("Created table " + table.qualifiedName());
    }

    /** A partition without LOCATION is the directory {@code <table location>/k=v/…}, as Hive lays them out. */
    private DdlResult addPartitions(AddPartitions add, String currentDatabase) throws IOException {
        TableDefinition table = catalog.table(database(add.table(), currentDatabase), add.table().name());
        int added = 0;
        for (PartitionSpec spec : add.partitions()) {
            String location = spec.location()
                    .orElseGet(() -> new Path(table.location()).child(PartitionDefinition.name(spec.values())).toString());
            if (catalog.addPartition(table.database(), table.name(), new PartitionDefinition(spec.values(), location),
                    add.ifNotExists())) {
                added++;
            }
        }
        return DdlResult.message("Added " + added + " partitions to " + table.qualifiedName());
    }

    /** Removes each partition from the catalog; a managed table's partition directory is deleted with it. */
    private DdlResult dropPartitions(DropPartitions drop, String currentDatabase) throws IOException {
        TableDefinition table = catalog.table(database(drop.table(), currentDatabase), drop.table().name());
        int dropped = 0;
        for (Map<String, String> values : drop.partitions()) {
            Optional<PartitionDefinition> partition = catalog.dropPartition(table.database(), table.name(), values,
                    drop.ifExists());
            if (partition.isEmpty()) {
                continue;
            }
            dropped++;
            if (!table.external()) {
                Path path = new Path(partition.get().location());
                if (FileSystem.get(path, conf).delete(path, true)) {
                    LOG.info("Deleted {} of partition {} of managed table {}", path, partition.get().name(),
                            table.qualifiedName());
                }
            }
        }
        return DdlResult.message("Dropped " + dropped + " partitions of " + table.qualifiedName());
    }

    private DdlResult drop(DropTable drop, String currentDatabase) throws IOException {
        Optional<TableDefinition> dropped = catalog.dropTable(database(drop.table(), currentDatabase), drop.table().name(),
                drop.ifExists());
        if (dropped.isEmpty()) {
            return DdlResult.message("Table " + drop.table() + " does not exist");
        }
        TableDefinition table = dropped.get();
        if (!table.external()) {
            Path path = new Path(table.location());
            if (FileSystem.get(path, conf).delete(path, true)) {
                LOG.info("Deleted {} of managed table {}", path, table.qualifiedName());
            }
        }
        return DdlResult.message("Dropped table " + table.qualifiedName());
    }

    /** {@code <database location>/<table>}; reports an unknown database with the closest name. */
    private String defaultLocation(String database, String table) throws IOException {
        return databases.location(catalog.database(database)).child(table).toString();
    }

    private static String database(TableRef ref, String currentDatabase) {
        return ref.database().orElse(currentDatabase).toLowerCase(Locale.ROOT);
    }

    /** The rows of DESCRIBE [FORMATTED], in Hive's layout. */
    static final class TableDescription {
        private TableDescription() {
        }

        static List<List<String>> rows(TableDefinition table, boolean formatted) {
            List<List<String>> rows = new ArrayList<>();
            table.columns().forEach(c -> rows.add(List.of(c.name(), typeName(c.type()), "")));
            if (table.isPartitioned()) {
                table.partitionColumns().forEach(c -> rows.add(List.of(c.name(), typeName(c.type()), "")));
                rows.add(List.of("", "", ""));
                rows.add(List.of("# Partition Information", "", ""));
                rows.add(List.of("# col_name", "data_type", "comment"));
                table.partitionColumns().forEach(c -> rows.add(List.of(c.name(), typeName(c.type()), "")));
            }
            if (formatted) {
                rows.add(List.of("", "", ""));
                rows.add(List.of("# Detailed Table Information", "", ""));
                rows.add(List.of("Database:", table.database(), ""));
                rows.add(List.of("Table:", table.name(), ""));
                rows.add(List.of("Table Type:", table.external() ? "EXTERNAL_TABLE" : "MANAGED_TABLE", ""));
                rows.add(List.of("Location:", table.location(), ""));
                rows.add(List.of("Format:", table.format().kind().name(), ""));
                table.format().properties().forEach((k, v) -> rows.add(List.of("", k, v)));
            }
            return rows;
        }

        private static String typeName(io.quarry.sql.format.ColumnType type) {
            return type.name().toLowerCase(Locale.ROOT);
        }
    }
}
