package io.quarry.sql;

import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/** Keys of the SQL engine. */
public final class SqlConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey CATALOG_DIR = ConfigKey.string("quarry.sql.catalog.dir", "/quarry/catalog",
            "Directory of the SQL catalog (databases, tables, partitions); a path without a scheme is in fs.defaultFS.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(CATALOG_DIR);
    }
}
