package io.quarry.sql;

import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/** Keys of the SQL engine. */
public final class SqlConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey CATALOG_DIR = ConfigKey.string("quarry.sql.catalog.dir", "/quarry/catalog",
            "Directory of the SQL catalog (databases, tables, partitions); a path without a scheme is in fs.defaultFS.");
    public static final ConfigKey WAREHOUSE_DIR = ConfigKey.string("hive.metastore.warehouse.dir", "/quarry/warehouse",
            "Where managed tables without a LOCATION keep their files: <dir>/<table>, or <dir>/<database>.db/<table>.");

    public static final ConfigKey INPUT_FORMAT = ConfigKey.string("quarry.sql.input.format", null,
            "Set by the SQL engine on its jobs: the kind of the scanned table's format (DELIMITED, REGEX or JSON).");
    public static final ConfigKey INPUT_COLUMNS = ConfigKey.list("quarry.sql.input.columns", "",
            "Set by the SQL engine on its jobs: the scanned table's data columns, comma-separated (Hive's 'columns').");
    public static final ConfigKey INPUT_READ_COLUMNS = ConfigKey.list("quarry.sql.input.read-columns", "",
            "Set by the SQL engine on its jobs: the data columns a query reads, comma-separated; the others are not decoded "
                    + "(unset: all; empty: none). Hive's 'hive.io.file.readcolumn.names'.");
    public static final ConfigKey INPUT_COLUMN_TYPES = ConfigKey.list("quarry.sql.input.columns.types", "",
            "Set by the SQL engine on its jobs: the types of quarry.sql.input.columns, comma-separated.");
    public static final ConfigKey INPUT_PARTITION_COLUMNS = ConfigKey.list("quarry.sql.input.partition.columns", "",
            "Set by the SQL engine on its jobs: the scanned table's partition columns, read from col=value directory names.");
    public static final ConfigKey INPUT_PARTITION_COLUMN_TYPES = ConfigKey.list("quarry.sql.input.partition.columns.types", "",
            "Set by the SQL engine on its jobs: the types of quarry.sql.input.partition.columns, comma-separated.");
    public static final ConfigKey INPUT_FIELD_DELIM = ConfigKey.integer("quarry.sql.input.field.delim", 1,
            "Set by the SQL engine on its jobs: the DELIMITED field separator as a character code (1 is Ctrl-A, 9 tab).");
    public static final ConfigKey INPUT_REGEX = ConfigKey.string("quarry.sql.input.regex", null,
            "Set by the SQL engine on its jobs: the RegexSerDe input.regex of the scanned table.");
    public static final ConfigKey INPUT_PARTITION_LOCATIONS = ConfigKey.list("quarry.sql.input.partition.locations", "",
            "Set by the SQL engine on its jobs: the chosen partitions as <escaped col=value/...>:<location>, so a partition "
                    + "whose directory is not named col=value still gets its values.");

    public static final ConfigKey STAGE_PLAN = ConfigKey.string("quarry.sql.stage.plan", null,
            "Set by the SQL engine on its jobs: the serialized plan of the stage the job runs.");
    public static final ConfigKey SCRATCH_DIR = ConfigKey.string("hive.exec.scratchdir", "/tmp/quarry-sql",
            "Where queries write the outputs of their stages (one directory per query, deleted when it ends); "
                    + "a path without a scheme is in fs.defaultFS.");
    public static final ConfigKey BYTES_PER_REDUCER = ConfigKey.size("hive.exec.reducers.bytes.per.reducer", "256m",
            "Input bytes per reduce task of an aggregation, join or ORDER BY (without LIMIT) stage.");
    public static final ConfigKey MAX_REDUCERS = ConfigKey.integer("hive.exec.reducers.max", 64,
            "At most this many reduce tasks per stage.");
    public static final ConfigKey BROADCAST_JOIN_SIZE = ConfigKey.size("hive.auto.convert.join.noconditionaltask.size",
            "32m", "A join side whose table files are at most this large is loaded by every task (broadcast join) "
                    + "instead of being shuffled; 0 turns broadcast joins off.");
    public static final ConfigKey MAP_AGGREGATE_GROUPS = ConfigKey.integer("quarry.sql.map.aggregate.max-groups", 200000,
            "Groups a map task aggregates in memory before it sends its partial results on and starts afresh.");
    public static final ConfigKey ORDER_BY_SAMPLE_KEYS = ConfigKey.integer("hive.optimize.sampling.orderby.number", 10000,
            "Sort keys sampled from the input of an ORDER BY stage with several reducers, to choose the key ranges of its reducers.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(CATALOG_DIR, WAREHOUSE_DIR, INPUT_FORMAT, INPUT_COLUMNS, INPUT_READ_COLUMNS, INPUT_COLUMN_TYPES, INPUT_PARTITION_COLUMNS,
                INPUT_PARTITION_COLUMN_TYPES, INPUT_FIELD_DELIM, INPUT_REGEX, INPUT_PARTITION_LOCATIONS, STAGE_PLAN, SCRATCH_DIR,
                BYTES_PER_REDUCER, MAX_REDUCERS, BROADCAST_JOIN_SIZE, MAP_AGGREGATE_GROUPS,
                ORDER_BY_SAMPLE_KEYS);
    }
}
