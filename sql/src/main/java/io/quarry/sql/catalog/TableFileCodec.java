package io.quarry.sql.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;

/**
 * The text form of a catalog file: Java properties with indexed keys, so lists keep their order
 * and any property value (a regex, a control character) survives escaping.
 */
final class TableFileCodec {
    private static final String VERSION = "1";

    private TableFileCodec() {
    }

    static String encode(StoredTable stored) {
        TableDefinition t = stored.table();
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("database", t.database());
        p.setProperty("name", t.name());
        p.setProperty("external", Boolean.toString(t.external()));
        p.setProperty("location", t.location());
        p.setProperty("format", t.format().kind().name());
        putMap(p, "format.property", t.format().properties());
        putColumns(p, "column", t.columns());
        putColumns(p, "partition-column", t.partitionColumns());
        p.setProperty("partition.count", Integer.toString(stored.partitions().size()));
        for (int i = 0; i < stored.partitions().size(); i++) {
            PartitionDefinition partition = stored.partitions().get(i);
            p.setProperty("partition." + i + ".location", partition.location());
            putMap(p, "partition." + i + ".value", partition.values());
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, "Quarry SQL catalog table");
        } catch (IOException e) {
            throw new IllegalStateException("StringWriter failed", e);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException naming {@code source} if the text is not a catalog file */
    static StoredTable decode(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            if (!VERSION.equals(p.getProperty("version"))) {
                throw new IllegalArgumentException("unsupported version '" + p.getProperty("version") + "'");
            }
            TableDefinition table = new TableDefinition(required(p, "database"), required(p, "name"),
                    columns(p, "column"), columns(p, "partition-column"), Boolean.parseBoolean(required(p, "external")),
                    required(p, "location"),
                    new TableFormat(TableFormat.Kind.valueOf(required(p, "format")), map(p, "format.property")));
            int count = Integer.parseInt(required(p, "partition.count"));
            List<PartitionDefinition> partitions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                partitions.add(new PartitionDefinition(map(p, "partition." + i + ".value"),
                        required(p, "partition." + i + ".location")));
            }
            return new StoredTable(table, partitions);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Corrupt catalog file " + source + ": " + e.getMessage(), e);
        }
    }

    private static void putColumns(Properties p, String prefix, List<Column> columns) {
        p.setProperty(prefix + ".count", Integer.toString(columns.size()));
        for (int i = 0; i < columns.size(); i++) {
            p.setProperty(prefix + "." + i + ".name", columns.get(i).name());
            p.setProperty(prefix + "." + i + ".type", columns.get(i).type().name());
        }
    }

    private static List<Column> columns(Properties p, String prefix) {
        int count = Integer.parseInt(required(p, prefix + ".count"));
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(new Column(required(p, prefix + "." + i + ".name"),
                    ColumnType.valueOf(required(p, prefix + "." + i + ".type"))));
        }
        return columns;
    }

    private static void putMap(Properties p, String prefix, Map<String, String> map) {
        p.setProperty(prefix + ".count", Integer.toString(map.size()));
        int i = 0;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            p.setProperty(prefix + "." + i + ".key", entry.getKey());
            p.setProperty(prefix + "." + i + ".value", entry.getValue());
            i++;
        }
    }

    private static Map<String, String> map(Properties p, String prefix) {
        int count = Integer.parseInt(required(p, prefix + ".count"));
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(required(p, prefix + "." + i + ".key"), required(p, prefix + "." + i + ".value"));
        }
        return map;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return value;
    }
}
