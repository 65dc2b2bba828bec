package io.quarry.sql.catalog;

import java.util.Optional;

/** The named table (or its database) does not exist; the message suggests a close name if there is one. */
public final class NoSuchTableException extends CatalogException {
    private final String tableName;

    NoSuchTableException(String qualifiedName, Optional<String> closest) {
        super("Table not found: " + qualifiedName + closest.map(c -> " (did you mean " + c + "?)").orElse(""));
        this.tableName = qualifiedName;
    }

    public String tableName() {
        return tableName;
    }
}
