package io.quarry.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.DatabaseDefinition;
import io.quarry.sql.ddl.DdlStatement.CreateDatabase;
import io.quarry.sql.ddl.DdlStatement.DropDatabase;
import io.quarry.sql.ddl.DdlStatement.DropTable;
import io.quarry.sql.ddl.DdlStatement.ShowDatabases;
import io.quarry.sql.ddl.DdlStatement.TableRef;

/**
 * CREATE, DROP, SHOW and DESCRIBE DATABASE, and where a database's managed tables live: its LOCATION,
 * else {@code <warehouse>/<db>.db} ({@code default}: the warehouse itself).
 */
final class DatabaseStatements {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatements.class);

    private final Catalog catalog;
    private final Configuration conf;

    DatabaseStatements(Catalog catalog, Configuration conf) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.conf = requireNonNull(conf, "conf is null");
    }

    /** The directory of {@code database}'s managed tables. */
    Path location(DatabaseDefinition database) {
        if (database.location().isPresent()) {
            return new Path(database.location().get());
        }
        Path warehouse = new Path(conf.getString(SqlConfigKeys.WAREHOUSE_DIR));
        return database.name().equals(Catalog.DEFAULT_DATABASE) ? warehouse : warehouse.child(database.name() + ".db");
    }

    DdlResult create(CreateDatabase create) throws IOException {
        DatabaseDefinition database = new DatabaseDefinition(create.database(), create.comment(), create.location());
        if (!catalog.createDatabase(database, create.ifNotExists())) {
            return DdlResult.message("Database " + database.name() + " already exists");
        }
        Path path = location(database);
        FileSystem.get(path, conf).mkdirs(path);
        return DdlResult.message("Created database " + database.name());
    }

    /**
     * RESTRICT refuses a database with tables; CASCADE drops each table first (a managed table's files
     * with it). The database's directory is deleted when nothing is left in it.
     */
    DdlResult drop(DropDatabase drop, DdlExecutor tables) throws IOException {
        String name = drop.database().toLowerCase(Locale.ROOT);
        Optional<DatabaseDefinition> existing = catalog.databases().contains(name)
                ? Optional.of(catalog.database(name)) : Optional.empty();
        if (existing.isPresent() && drop.cascade() && !name.equals(Catalog.DEFAULT_DATABASE)) {
            for (String table : catalog.tables(name)) {
                tables.execute(new DropTable(new TableRef(Optional.of(name), table), true), name);
            }
        }
        Optional<DatabaseDefinition> dropped = catalog.dropDatabase(name, drop.ifExists());
        if (dropped.isEmpty()) {
            return DdlResult.message("Database " + name + " does not exist");
        }
        Path path = location(dropped.get());
        FileSystem fs = FileSystem.get(path, conf);
        if (fs.exists(path)) {
            List<FileStatus> left = fs.listStatus(path);
            if (left.isEmpty()) {
                fs.delete(path, false);
                LOG.info("Deleted {} of database {}", path, name);
            } else {
                LOG.info("Kept {} of dropped database {}: it still holds {} entries", path, name, left.size());
            }
        }
        return DdlResult.message("Dropped database " + name);
    }

    /** Hive's pattern: {@code *} matches any characters, {@code |} separates alternatives; case-insensitive. */
    DdlResult show(ShowDatabases show) throws IOException {
        List<String> names = catalog.databases();
        if (show.pattern().isPresent()) {
            Pattern pattern = likePattern(show.pattern().get());
            names = names.stream().filter(n -> pattern.matcher(n).matches()).toList();
        }
        List<List<String>> rows = names.stream().map(List::of).toList();
        return new DdlResult(List.of("database_name"), rows, rows.size() + " databases");
    }

    DdlResult describe(String name) throws IOException {
        DatabaseDefinition database = catalog.database(name);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(database.name(), database.comment(), location(database).toString()));
        return new DdlResult(List.of("db_name", "comment", "location"), rows, "");
    }

    static Pattern likePattern(String like) {
        List<String> alternatives = new ArrayList<>();
        for (String alternative : like.split("\\|", -1)) {
            StringBuilder regex = new StringBuilder();
            for (String part : alternative.strip().split("[*%]", -1)) {
                if (!regex.isEmpty() || alternative.strip().startsWith("*") || alternative.strip().startsWith("%")) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part.toLowerCase(Locale.ROOT)));
            }
            alternatives.add(regex.toString());
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }
}
