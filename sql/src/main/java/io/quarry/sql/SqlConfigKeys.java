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

    @Override
    public List<ConfigKey> keys() {
        return List.of(CATALOG_DIR, WAREHOUSE_DIR);
    }
}
