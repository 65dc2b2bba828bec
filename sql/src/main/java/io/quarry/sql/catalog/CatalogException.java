package io.quarry.sql.catalog;

/** A catalog operation that the catalog's contents do not allow: a user error, not a storage failure. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
