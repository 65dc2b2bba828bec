package io.quarry.sql.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import io.quarry.common.conf.EditDistance;

/** Rules for database and table names, and the "did you mean" lookup for unknown ones. */
final class CatalogNames {
    private CatalogNames() {
    }

    /** Lower case; letters, digits and underscores, not starting with a digit. */
    static String normalize(String name, String what) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || Character.isDigit(lower.charAt(0)) || !lower.chars().allMatch(CatalogNames::isNameChar)) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name
                    + "' (letters, digits and _ only, not starting with a digit)");
        }
        return lower;
    }

    /** The candidate closest to {@code name}, if one is within a third of its length (at least 1, at most 3 edits). */
    static Optional<String> closest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, lower.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = EditDistance.between(lower, candidate);
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
}
