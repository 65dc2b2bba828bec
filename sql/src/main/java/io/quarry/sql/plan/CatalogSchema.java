package io.quarry.sql.plan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import io.quarry.sql.catalog.Catalog;

/** One catalog database as a Calcite schema; its tables are read from the catalog once per statement. */
final class CatalogSchema extends AbstractSchema {
    private final Catalog catalog;
    private final String database;
    private Map<String, Table> tables;

    CatalogSchema(Catalog catalog, String database) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    protected synchronized Map<String, Table> getTableMap() {
        if (tables == null) {
            Map<String, Table> map = new LinkedHashMap<>();
            try {
                for (String name : catalog.tables(database)) {
                    map.put(name, new CatalogTable(catalog.table(database, name)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the tables of database " + database + " from the catalog", e);
            }
            tables = map;
        }
        return tables;
    }
}
