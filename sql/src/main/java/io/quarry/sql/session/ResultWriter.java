package io.quarry.sql.session;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.ddl.DdlExecutor;
import io.quarry.sql.format.TableFormat;
import io.quarry.sql.runtime.Kind;

/**
 * Where CREATE TABLE … AS SELECT and INSERT OVERWRITE put a query's text output: the files the
 * last stage wrote in the query's scratch directory replace the table's (or the directory's)
 * files once every stage has succeeded, so a failed query leaves the old data in place.
 */
final class ResultWriter {
    private final Configuration conf;
    private final Catalog catalog;
    private final String database;

    ResultWriter(Configuration conf, Catalog catalog, String database) {
        this.conf = requireNonNull(conf, "conf is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.database = requireNonNull(database, "database is null");
    }

    /** The field delimiter of the output, checking the target before anything runs. */
    char prepare(WriteStatement write) throws SqlException, IOException {
        switch (write.target()) {
            case TABLE -> {
                TableDefinition table = table(write.name());
                if (table.format().kind() != TableFormat.Kind.DELIMITED) {
                    throw new SqlException("Cannot INSERT OVERWRITE " + table.qualifiedName() + ": only ROW FORMAT DELIMITED tables "
                            + "can be written, it is " + table.format().kind());
                }
                if (table.isPartitioned()) {
                    throw new SqlException("INSERT OVERWRITE into the partitioned table " + table.qualifiedName()
                            + " is not supported");
                }
                return table.format().fieldDelimiter();
            }
            case NEW_TABLE -> {
                if (catalog.findTable(databaseOf(write.name()), tableOf(write.name())).isPresent() && !write.ifNotExists()) {
                    throw new SqlException("Table " + databaseOf(write.name()) + "." + tableOf(write.name()) + " already exists");
                }
                return write.delimiter() == null ? '\u0001' : write.delimiter();
            }
            default -> {
                return write.delimiter() == null ? '\u0001' : write.delimiter();
            }
        }
    }

    /** Moves {@code output} into place; for CREATE TABLE AS, creates the table first. */
    String commit(WriteStatement write, Path output, List<String> names, Kind[] kinds, char delimiter)
            throws SqlException, IOException {
        String location;
        String what;
        switch (write.target()) {
            case TABLE -> {
                TableDefinition table = table(write.name());
                location = table.location();
                what = "table " + table.qualifiedName();
            }
            case NEW_TABLE -> {
                String ddl = createTable(write.name(), names, kinds, delimiter);
                new DdlExecutor(catalog, conf).execute(ddl, database);
                TableDefinition table = table(write.name());
                location = table.location();
                what = "table " + table.qualifiedName();
            }
            default -> {
                location = write.name();
                what = "directory " + location;
            }
        }
        Path target = new Path(location);
        try (FileSystem fs = FileSystem.get(target, conf)) {
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            Path parent = target.parent();
            if (parent != null) {
                fs.mkdirs(parent);
            }
            fs.rename(output, target);
        }
        return "Wrote " + what;
    }

    private static String createTable(String name, List<String> names, Kind[] kinds, char delimiter) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i).toLowerCase(Locale.ROOT);
            if (!column.matches("[a-z_][a-z0-9_]*")) {
                column = "_c" + i;
            }
            String type = kinds[i] == Kind.NULL ? "STRING" : kinds[i].name();
            columns.add("`" + column + "` " + type);
        }
        return "CREATE TABLE " + name + " (" + String.join(", ", columns) + ") ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\"
                + String.format("%03o", (int) delimiter) + "'";
    }

    private TableDefinition table(String name) throws IOException {
        return catalog.table(databaseOf(name), tableOf(name));
    }

    private String databaseOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? database : name.substring(0, dot).toLowerCase(Locale.ROOT);
    }

    private static String tableOf(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }
}
