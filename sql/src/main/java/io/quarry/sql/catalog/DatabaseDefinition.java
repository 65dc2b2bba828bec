package io.quarry.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A database: its lower-case name, its comment (empty if none) and the LOCATION it was created with
 * (empty: managed tables go to {@code <warehouse>/<name>.db}, or the warehouse itself for {@code default}).
 */
public record DatabaseDefinition(String name, String comment, Optional<String> location) {
    public DatabaseDefinition {
        name = CatalogNames.normalize(requireNonNull(name, "name is null"), "database");
        requireNonNull(comment, "comment is null");
        requireNonNull(location, "location is null");
    }

    public static DatabaseDefinition of(String name) {
        return new DatabaseDefinition(name, "", Optional.empty());
    }
}
