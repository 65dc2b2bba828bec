package io.quarry.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

/**
 * The catalog's files: {@code <dir>/<database>.db/<table>.table}, one per table with its
 * partitions, and {@code <dir>/<database>.db/_database.properties}, a database's comment and location. A file is never rewritten in place: the new version goes to {@code <table>.table.new},
 * then replaces the old one by delete and rename. A reader that finds only the {@code .new} file
 * (a crash between the two) completes the rename, since the {@code .new} file is whole before the
 * old one is deleted.
 */
final class CatalogStore {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogStore.class);
    private static final String DATABASE_SUFFIX = ".db";
    private static final String TABLE_SUFFIX = ".table";
    private static final String NEW_SUFFIX = ".new";
    private static final String DATABASE_FILE = "_database.properties";

    private final FileSystem fs;
    private final Path dir;

    CatalogStore(FileSystem fs, Path dir) {
        this.fs = requireNonNull(fs, "fs is null");
        this.dir = requireNonNull(dir, "dir is null");
    }

    Path dir() {
        return dir;
    }

    boolean createDatabase(String database) throws IOException {
        Path path = databaseDir(database);
        if (fs.exists(path)) {
            return false;
        }
        fs.mkdirs(path);
        return true;
    }

    /** Creates a database's directory and writes its comment and location; false if it exists. */
    boolean createDatabase(DatabaseDefinition database) throws IOException {
        if (!createDatabase(database.name())) {
            return false;
        }
        Properties properties = new Properties();
        properties.setProperty("comment", database.comment());
        database.location().ifPresent(l -> properties.setProperty("location", l));
        StringWriter text = new StringWriter();
        properties.store(text, null);
        try (OutputStream out = fs.create(databaseDir(database.name()).child(DATABASE_FILE), true)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** An existing database; one created without a description file has no comment and no location. */
    DatabaseDefinition readDatabase(String database) throws IOException {
        Path file = databaseDir(database).child(DATABASE_FILE);
        if (!fs.exists(file)) {
            return DatabaseDefinition.of(database);
        }
        Properties properties = new Properties();
        try (InputStream in = fs.open(file)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return new DatabaseDefinition(database, properties.getProperty("comment", ""),
                Optional.ofNullable(properties.getProperty("location")));
    }

    /** Deletes a database's directory with whatever it holds. */
    void deleteDatabase(String database) throws IOException {
        fs.delete(databaseDir(database), true);
    }

    List<String> databases() throws IOException {
        return namesWithSuffix(dir, DATABASE_SUFFIX);
    }

    boolean databaseExists(String database) throws IOException {
        return fs.exists(databaseDir(database));
    }

    List<String> tables(String database) throws IOException {
        List<String> names = new ArrayList<>(namesWithSuffix(databaseDir(database), TABLE_SUFFIX));
        for (String pending : namesWithSuffix(databaseDir(database), TABLE_SUFFIX + NEW_SUFFIX)) {
            if (!names.contains(pending) && read(database, pending).isPresent()) {
                names.add(pending);
            }
        }
        names.sort(null);
        return names;
    }

    Optional<StoredTable> read(String database, String table) throws IOException {
        Path path = tableFile(database, table);
        if (!fs.exists(path)) {
            Path pending = pendingFile(database, table);
            if (!fs.exists(pending)) {
                return Optional.empty();
            }
            LOG.warn("Completing an interrupted catalog update: renaming {} to {}", pending, path);
            fs.rename(pending, path);
        }
        try (InputStream in = fs.open(path)) {
            return Optional.of(TableFileCodec.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8), path.toString()));
        }
    }

    /** Writes a table that must not exist yet; false if it does. */
    boolean create(StoredTable stored) throws IOException {
        TableDefinition t = stored.table();
        if (read(t.database(), t.name()).isPresent()) {
            return false;
        }
        Path pending = writePending(stored);
        fs.rename(pending, tableFile(t.database(), t.name()));
        return true;
    }

    /** Replaces an existing table's file. */
    void replace(StoredTable stored) throws IOException {
        TableDefinition t = stored.table();
        Path pending = writePending(stored);
        fs.delete(tableFile(t.database(), t.name()), false);
        fs.rename(pending, tableFile(t.database(), t.name()));
    }

    void delete(String database, String table) throws IOException {
        fs.delete(tableFile(database, table), false);
        fs.delete(pendingFile(database, table), false);
    }

    private Path writePending(StoredTable stored) throws IOException {
        Path pending = pendingFile(stored.table().database(), stored.table().name());
        try (OutputStream out = fs.create(pending, true)) {
            out.write(TableFileCodec.encode(stored).getBytes(StandardCharsets.UTF_8));
        }
        return pending;
    }

    private List<String> namesWithSuffix(Path parent, String suffix) throws IOException {
        if (!fs.exists(parent)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (FileStatus status : fs.listStatus(parent)) {
            String name = status.path().name();
            if (name.endsWith(suffix)) {
                names.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        names.sort(null);
        return names;
    }

    private Path databaseDir(String database) {
        return dir.child(database + DATABASE_SUFFIX);
    }

    private Path tableFile(String database, String table) {
        return databaseDir(database).child(table + TABLE_SUFFIX);
    }

    private Path pendingFile(String database, String table) {
        return databaseDir(database).child(table + TABLE_SUFFIX + NEW_SUFFIX);
    }
}
