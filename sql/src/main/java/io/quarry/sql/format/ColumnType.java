package io.quarry.sql.format;

import java.util.Locale;
import java.util.Optional;

/**
 * The column types a table may declare, with Hive's text semantics: a field that does not parse
 * as its type is NULL. Values are {@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.time.LocalDateTime} (TIMESTAMP) and {@link java.time.LocalDate} (DATE).
 */
public enum ColumnType {
    STRING, INT, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DATE;

    /** The type named {@code name} (case-insensitive; INTEGER is INT), if there is one. */
    public static Optional<ColumnType> fromName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("INTEGER")) {
            return Optional.of(INT);
        }
        for (ColumnType type : values()) {
            if (type.name().equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code text[start, end)} as a value of this type, or null where Hive would read NULL. */
    public Object parse(CharSequence text, int start, int end) {
        return switch (this) {
            case STRING -> text.subSequence(start, end).toString();
            case INT -> FieldParsers.parseInt(text, start, end);
            case BIGINT -> FieldParsers.parseLong(text, start, end);
            case DOUBLE -> FieldParsers.parseDouble(text, start, end);
            case BOOLEAN -> FieldParsers.parseBoolean(text, start, end);
            case TIMESTAMP -> FieldParsers.parseTimestamp(text, start, end);
            case DATE -> FieldParsers.parseDate(text, start, end);
        };
    }

    /** Parses the whole of {@code text}. */
    public Object parse(CharSequence text) {
        return parse(text, 0, text.length());
    }
}
