package io.quarry.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarry.sql.format.Column;
import io.quarry.sql.format.TableFormat;

/** A parsed DDL statement. A table's database is empty when the statement did not name one. */
public sealed interface DdlStatement {
    /** A table name as written: {@code t} or {@code db.t}. */
    record TableRef(Optional<String> database, String name) {
        public TableRef {
            requireNonNull(database, "database is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public String toString() {
            return database.map(d -> d + ".").orElse("") + name;
        }
    }

    /** CREATE [EXTERNAL] TABLE; location is empty when the statement has no LOCATION clause. */
    record CreateTable(TableRef table, boolean external, boolean ifNotExists, List<Column> columns,
            List<Column> partitionColumns, TableFormat format, Optional<String> location) implements DdlStatement {
        public CreateTable {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            partitionColumns = List.copyOf(partitionColumns);
            requireNonNull(format, "format is null");
            requireNonNull(location, "location is null");
        }
    }

    record DropTable(TableRef table, boolean ifExists) implements DdlStatement {
        public DropTable {
            requireNonNull(table, "table is null");
        }
    }

    /** SHOW TABLES [IN db]. */
    record ShowTables(Optional<String> database) implements DdlStatement {
        public ShowTables {
            requireNonNull(database, "database is null");
        }
    }

    /** DESCRIBE [FORMATTED] t. */
    record Describe(TableRef table, boolean formatted) implements DdlStatement {
        public Describe {
            requireNonNull(table, "table is null");
        }
    }

    /** One {@code PARTITION (k='v', …) [LOCATION '…']} of ALTER TABLE … ADD PARTITION. */
    record PartitionSpec(Map<String, String> values, Optional<String> location) {
        public PartitionSpec {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            requireNonNull(location, "location is null");
        }
    }

    /** ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (…) [LOCATION '…'] …. */
    record AddPartitions(TableRef table, boolean ifNotExists, List<PartitionSpec> partitions) implements DdlStatement {
        public AddPartitions {
            requireNonNull(table, "table is null");
            partitions = List.copyOf(partitions);
        }
    }

    /** SHOW PARTITIONS t. */
    record ShowPartitions(TableRef table) implements DdlStatement {
        public ShowPartitions {
            requireNonNull(table, "table is null");
        }
    }

    /**
     * MSCK [REPAIR] TABLE t [ADD PARTITIONS]: finds partition directories under the table's location that
     * the catalog does not list; with REPAIR, adds them.
     */
    record RepairTable(TableRef table, boolean repair) implements DdlStatement {
        public RepairTable {
            requireNonNull(table, "table is null");
        }
    }

    /** ALTER TABLE t DROP [IF EXISTS] PARTITION (…) [, PARTITION (…)]…; the specs carry no location. */
    record DropPartitions(TableRef table, boolean ifExists, List<Map<String, String>> partitions) implements DdlStatement {
        public DropPartitions {
            requireNonNull(table, "table is null");
            partitions = partitions.stream().map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
        }
    }

    /** CREATE DATABASE [IF NOT EXISTS] db [COMMENT '…'] [LOCATION '…']. */
    record CreateDatabase(String database, boolean ifNotExists, String comment, Optional<String> location)
            implements DdlStatement {
        public CreateDatabase {
            requireNonNull(database, "database is null");
            requireNonNull(comment, "comment is null");
            requireNonNull(location, "location is null");
        }
    }

    /** DROP DATABASE [IF EXISTS] db [RESTRICT | CASCADE]. */
    record DropDatabase(String database, boolean ifExists, boolean cascade) implements DdlStatement {
        public DropDatabase {
            requireNonNull(database, "database is null");
        }
    }

    /** SHOW DATABASES [LIKE 'pattern']. */
    record ShowDatabases(Optional<String> pattern) implements DdlStatement {
        public ShowDatabases {
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** USE db: the session's current database becomes {@code database}. */
    record UseDatabase(String database) implements DdlStatement {
        public UseDatabase {
            requireNonNull(database, "database is null");
        }
    }

    /** DESCRIBE DATABASE [EXTENDED] db. */
    record DescribeDatabase(String database) implements DdlStatement {
        public DescribeDatabase {
            requireNonNull(database, "database is null");
        }
    }
}
