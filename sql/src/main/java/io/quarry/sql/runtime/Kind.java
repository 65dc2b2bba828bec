package io.quarry.sql.runtime;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The run-time kind of a column or expression value: STRING ({@link String}), INT
 * ({@link Integer}), BIGINT ({@link Long}), DOUBLE ({@link Double}, also for SQL decimals), BOOLEAN,
 * TIMESTAMP ({@link LocalDateTime}), DATE ({@link LocalDate}); NULL is the type of a bare NULL
 * literal. Every value may be null.
 */
public enum Kind {
    STRING, INT, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DATE, NULL;

    public boolean isNumeric() {
        return this == INT || this == BIGINT || this == DOUBLE;
    }

    /** The kind of a non-null value. */
    public static Kind of(Object value) {
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return BIGINT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof LocalDateTime) {
            return TIMESTAMP;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value == null) {
            return NULL;
        }
        throw new IllegalArgumentException("No SQL kind for " + value.getClass().getName() + " value " + value);
    }
}
