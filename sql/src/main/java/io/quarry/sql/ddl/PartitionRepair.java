package io.quarry.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.CatalogException;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.catalog.TableDefinition;
import io.quarry.sql.format.Column;

/**
 * MSCK [REPAIR] TABLE: walks a partitioned table's location for directories laid out as Hive lays out
 * partitions ({@code k1=v1/k2=v2}, one level per partition column, in the table's order, names matched
 * case-insensitively, {@code %XX} escapes decoded), and reports (and with REPAIR adds) those the catalog does
 * not list. Hidden directories ({@code .x}, {@code _x}) are not partitions; other directories whose names do
 * not fit are reported and skipped.
 */
final class PartitionRepair {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionRepair.class);

    private final Catalog catalog;
    private final Configuration conf;

    PartitionRepair(Catalog catalog, Configuration conf) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.conf = requireNonNull(conf, "conf is null");
    }

    DdlResult run(TableDefinition table, boolean repair) throws IOException {
        if (!table.isPartitioned()) {
            return DdlResult.message("Table " + table.qualifiedName() + " is not partitioned: nothing to repair");
        }
        Path root = new Path(table.location());
        FileSystem fs = FileSystem.get(root, conf);
        if (!fs.exists(root)) {
            throw new CatalogException("Location of table " + table.qualifiedName() + " does not exist: " + root);
        }
        Set<Map<String, String>> known = new HashSet<>();
        for (PartitionDefinition p : catalog.partitions(table.database(), table.name())) {
            known.add(p.values());
        }
        List<PartitionDefinition> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        walk(fs, root, table.partitionColumns(), 0, new LinkedHashMap<>(), found, invalid);
        List<PartitionDefinition> missing = found.stream().filter(p -> !known.contains(p.values()))
                .sorted(Comparator.comparing(PartitionDefinition::name)).toList();

        List<String> lines = new ArrayList<>();
        for (String path : invalid) {
            lines.add("Skipped a directory that is not a partition of " + table.qualifiedName() + ": " + path);
        }
        if (missing.isEmpty()) {
            lines.add("No partitions of " + table.qualifiedName() + " are missing from the catalog");
            return DdlResult.message(String.join("\n", lines));
        }
        lines.add("Partitions not in the catalog: " + String.join(", ", missing.stream().map(p -> table.name() + ":" + p.name()).toList()));
        if (!repair) {
            return DdlResult.message(String.join("\n", lines));
        }
        int added = 0;
        for (PartitionDefinition partition : missing) {
            if (catalog.addPartition(table.database(), table.name(), partition, true)) {
                lines.add("Repair: added partition " + table.name() + ":" + partition.name());
                added++;
            }
        }
        LOG.info("MSCK REPAIR TABLE {} added {} partitions", table.qualifiedName(), added);
        lines.add("Added " + added + " partitions to " + table.qualifiedName());
        return DdlResult.message(String.join("\n", lines));
    }

    private static void walk(FileSystem fs, Path dir, List<Column> columns, int depth, LinkedHashMap<String, String> values,
            List<PartitionDefinition> found, List<String> invalid) throws IOException {
        if (depth == columns.size()) {
            found.add(new PartitionDefinition(values, dir.toString()));
            return;
        }
        String prefix = columns.get(depth).name().toLowerCase(Locale.ROOT) + "=";
        List<FileStatus> children = new ArrayList<>(fs.listStatus(dir));
        children.sort((a, b) -> a.path().name().compareTo(b.path().name()));
        for (FileStatus child : children) {
            String name = child.path().name();
            if (!child.isDirectory() || name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (!name.toLowerCase(Locale.ROOT).startsWith(prefix) || name.length() == prefix.length()) {
                invalid.add(child.path().toString());
                continue;
            }
            LinkedHashMap<String, String> next = new LinkedHashMap<>(values);
            next.put(columns.get(depth).name(), unescape(name.substring(prefix.length())));
            walk(fs, child.path(), columns, depth + 1, next, found, invalid);
        }
    }

    /** Hive's directory-name unescaping: {@code %XX} is the byte XX; a malformed escape stays as written. */
    static String unescape(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (raw[i] == '%' && hi >= 0 && lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
