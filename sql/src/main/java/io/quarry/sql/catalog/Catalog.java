package io.quarry.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.format.Column;

/**
 * Databases, tables and partitions, kept as files under one directory of a filesystem (see
 * {@link CatalogStore}), so they survive restarts and every client of the filesystem sees the same
 * catalog. Nothing is cached: each call reads the files. Updates within one process are serialised;
 * each update replaces one table's file atomically.
 */
public final class Catalog {
    public static final String DEFAULT_DATABASE = "default";
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    private final CatalogStore store;

    /** Opens (and creates if needed) the catalog in {@code dir} of {@code fs}, with the {@code default} database. */
    public Catalog(FileSystem fs, Path dir) throws IOException {
        this.store = new CatalogStore(requireNonNull(fs, "fs is null"), fs.qualify(requireNonNull(dir, "dir is null")));
        store.createDatabase(DEFAULT_DATABASE);
    }

    /** Opens the catalog at {@code quarry.sql.catalog.dir}; a path without a scheme is in the default filesystem. */
    public static Catalog open(Configuration conf) throws IOException {
        Path dir = new Path(conf.getString(SqlConfigKeys.CATALOG_DIR));
        FileSystem fs = dir.scheme() == null ? FileSystem.get(conf) : FileSystem.get(dir, conf);
        return new Catalog(fs, dir);
    }

    public Path dir() {
        return store.dir();
    }

    public List<String> databases() throws IOException {
        return store.databases();
    }

    /** Creates a database; false if it already exists. */
    public synchronized boolean createDatabase(String database) throws IOException {
        return store.createDatabase(CatalogNames.normalize(database, "database"));
    }

    /**
     * Creates a database with its comment and location; false (and no change) if it exists and {@code ifNotExists}.
     *
     * @throws CatalogException if it exists and not {@code ifNotExists}
     */
    public synchronized boolean createDatabase(DatabaseDefinition database, boolean ifNotExists) throws IOException {
        if (store.createDatabase(database)) {
            LOG.info("Created database {}", database.name());
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        throw new CatalogException("Database " + database.name() + " already exists");
    }

    /** @throws CatalogException naming the database and the closest existing name if it does not exist */
    public DatabaseDefinition database(String database) throws IOException {
        return store.readDatabase(existingDatabase(database));
    }

    /**
     * Removes an empty database (its directory in the warehouse is the caller's business) and returns
     * it; empty if it does not exist and {@code ifExists}.
     *
     * @throws CatalogException for {@code default}, a database that still has tables (naming them), or
     *         one that does not exist and not {@code ifExists}
     */
    public synchronized Optional<DatabaseDefinition> dropDatabase(String database, boolean ifExists) throws IOException {
        String db = CatalogNames.normalize(database, "database");
        if (db.equals(DEFAULT_DATABASE)) {
            throw new CatalogException("Cannot drop the default database");
        }
        if (!store.databaseExists(db)) {
            if (ifExists) {
                return Optional.empty();
            }
            existingDatabase(db);
        }
        List<String> tables = store.tables(db);
        if (!tables.isEmpty()) {
            throw new CatalogException("Database " + db + " is not empty: it has tables " + String.join(", ", tables)
                    + " (drop them first, or use DROP DATABASE " + db + " CASCADE)");
        }
        DatabaseDefinition dropped = store.readDatabase(db);
        store.deleteDatabase(db);
        LOG.info("Dropped database {}", db);
        return Optional.of(dropped);
    }

    /** The tables of {@code database}, sorted by name. */
    public List<String> tables(String database) throws IOException {
        return store.tables(existingDatabase(database));
    }

    public Optional<TableDefinition> findTable(String database, String table) throws IOException {
        return findStored(database, table).map(StoredTable::table);
    }

    /** @throws NoSuchTableException naming the table and the closest existing name */
    public TableDefinition table(String database, String table) throws IOException {
        return stored(database, table).table();
    }

    /**
     * Adds a table; false (and no change) if one of that name exists and {@code ifNotExists}.
     *
     * @throws CatalogException if it exists and not {@code ifNotExists}, or its database does not exist
     */
    public synchronized boolean createTable(TableDefinition table, boolean ifNotExists) throws IOException {
        existingDatabase(table.database());
        if (store.create(new StoredTable(table, List.of()))) {
            LOG.info("Created table {} at {}", table.qualifiedName(), table.location());
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        throw new CatalogException("Table " + table.qualifiedName() + " already exists");
    }

    /**
     * Removes a table from the catalog (its files are the caller's business) and returns it; empty
     * if it does not exist and {@code ifExists}.
     *
     * @throws NoSuchTableException if it does not exist and not {@code ifExists}
     */
    public synchronized Optional<TableDefinition> dropTable(String database, String table, boolean ifExists) throws IOException {
        Optional<StoredTable> stored = findStored(database, table);
        if (stored.isEmpty()) {
            if (ifExists) {
                return Optional.empty();
            }
            throw noSuchTable(database, table);
        }
        TableDefinition dropped = stored.get().table();
        store.delete(dropped.database(), dropped.name());
        LOG.info("Dropped table {}", dropped.qualifiedName());
        return Optional.of(dropped);
    }

    public List<PartitionDefinition> partitions(String database, String table) throws IOException {
        return stored(database, table).partitions();
    }

    /**
     * Adds a partition; false if one with the same values exists and {@code ifNotExists}.
     *
     * @throws CatalogException if the values do not name exactly the table's partition columns, or the
     *         partition exists and not {@code ifNotExists}
     */
    public synchronized boolean addPartition(String database, String table, PartitionDefinition partition,
            boolean ifNotExists) throws IOException {
        StoredTable stored = stored(database, table);
        PartitionDefinition normalized = normalize(stored.table(), partition);
        for (PartitionDefinition existing : stored.partitions()) {
            if (existing.values().equals(normalized.values())) {
                if (ifNotExists) {
                    return false;
                }
                throw new CatalogException("Partition " + normalized.name() + " of table "
                        + stored.table().qualifiedName() + " already exists");
            }
        }
        List<PartitionDefinition> partitions = new ArrayList<>(stored.partitions());
        partitions.add(normalized);
        store.replace(new StoredTable(stored.table(), partitions));
        return true;
    }

    /**
     * Removes the partition with these values (its files are the caller's business) and returns it;
     * empty if there is none and {@code ifExists}.
     *
     * @throws CatalogException if the values do not name exactly the table's partition columns, or
     *         there is no such partition and not {@code ifExists}
     */
    public synchronized Optional<PartitionDefinition> dropPartition(String database, String table, Map<String, String> values,
            boolean ifExists) throws IOException {
        StoredTable stored = stored(database, table);
        PartitionDefinition wanted = normalize(stored.table(), new PartitionDefinition(values, "unused"));
        List<PartitionDefinition> remaining = new ArrayList<>(stored.partitions());
        for (PartitionDefinition existing : stored.partitions()) {
            if (existing.values().equals(wanted.values())) {
                remaining.remove(existing);
                store.replace(new StoredTable(stored.table(), remaining));
                LOG.info("Dropped partition {} of table {}", existing.name(), stored.table().qualifiedName());
                return Optional.of(existing);
            }
        }
        if (ifExists) {
            return Optional.empty();
        }
        throw new CatalogException("Partition " + wanted.name() + " of table " + stored.table().qualifiedName()
                + " does not exist");
    }

    private static PartitionDefinition normalize(TableDefinition table, PartitionDefinition partition) {
        List<String> expected = table.partitionColumns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        Map<String, String> byLowerName = partition.values().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        if (!table.isPartitioned() || !byLowerName.keySet().equals(new HashSet<>(expected))) {
            throw new CatalogException("Partition " + partition.name() + " does not match the partition columns of table "
                    + table.qualifiedName() + " (" + table.partitionColumns().stream().map(Column::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Column column : table.partitionColumns()) {
            ordered.put(column.name(), byLowerName.get(column.name().toLowerCase(Locale.ROOT)));
        }
        return new PartitionDefinition(ordered, partition.location());
    }

    private StoredTable stored(String database, String table) throws IOException {
        return findStored(database, table).orElseThrow(() -> noSuchTable(database, table));
    }

    private Optional<StoredTable> findStored(String database, String table) throws IOException {
        String db = CatalogNames.normalize(database, "database");
        if (!store.databaseExists(db)) {
            return Optional.empty();
        }
        return store.read(db, CatalogNames.normalize(table, "table"));
    }

    private NoSuchTableException noSuchTable(String database, String table) {
        String db = database.toLowerCase(Locale.ROOT);
        String name = table.toLowerCase(Locale.ROOT);
        try {
            if (!store.databaseExists(db)) {
                return new NoSuchTableException(db + "." + name, Optional.empty());
            }
            return new NoSuchTableException(db + "." + name,
                    CatalogNames.closest(name, store.tables(db)).map(c -> db + "." + c));
        } catch (IOException e) {
            LOG.debug("Listing {} for a suggestion failed", db, e);
            return new NoSuchTableException(db + "." + name, Optional.empty());
        }
    }

    private String existingDatabase(String database) throws IOException {
        String db = CatalogNames.normalize(database, "database");
        if (!store.databaseExists(db)) {
            throw new CatalogException("Database not found: " + db
                    + CatalogNames.closest(db, store.databases()).map(c -> " (did you mean " + c + "?)").orElse(""));
        }
        return db;
    }
}
