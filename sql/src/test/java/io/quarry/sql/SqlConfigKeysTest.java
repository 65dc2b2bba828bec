package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;

/** Pins the names and defaults of {@link SqlConfigKeys}: changing one is a user-visible change. */
@Timeout(10)
class SqlConfigKeysTest {
    @Test
    void catalogDirDefaultsToQuarryCatalogInTheDefaultFilesystem() {
        assertThat(SqlConfigKeys.CATALOG_DIR.name()).isEqualTo("quarry.sql.catalog.dir");
        assertThat(Configuration.empty().getString(SqlConfigKeys.CATALOG_DIR)).isEqualTo("/quarry/catalog");
        assertThat(SqlConfigKeys.WAREHOUSE_DIR.name()).isEqualTo("hive.metastore.warehouse.dir");
        assertThat(Configuration.empty().getString(SqlConfigKeys.WAREHOUSE_DIR)).isEqualTo("/quarry/warehouse");
        assertThat(new SqlConfigKeys().keys()).startsWith(SqlConfigKeys.CATALOG_DIR, SqlConfigKeys.WAREHOUSE_DIR);
    }

    @Test
    void tableScanKeysUseTheQuarrySqlInputPrefix() {
        assertThat(new SqlConfigKeys().keys()).contains(SqlConfigKeys.INPUT_FORMAT, SqlConfigKeys.INPUT_COLUMNS,
                SqlConfigKeys.INPUT_COLUMN_TYPES, SqlConfigKeys.INPUT_PARTITION_COLUMNS,
                SqlConfigKeys.INPUT_PARTITION_COLUMN_TYPES, SqlConfigKeys.INPUT_FIELD_DELIM, SqlConfigKeys.INPUT_REGEX,
                SqlConfigKeys.INPUT_PARTITION_LOCATIONS);
        assertThat(SqlConfigKeys.INPUT_COLUMNS.name()).isEqualTo("quarry.sql.input.columns");
        assertThat(Configuration.empty().getInt(SqlConfigKeys.INPUT_FIELD_DELIM)).isEqualTo(1);
    }

    @Test
    void keysAreRegisteredThroughTheServiceLoader() {
        assertThat(KnownKeys.load().contains("quarry.sql.catalog.dir")).isTrue();
        assertThat(KnownKeys.load().contains("hive.metastore.warehouse.dir")).isTrue();
    }
}
