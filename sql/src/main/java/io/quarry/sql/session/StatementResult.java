package io.quarry.sql.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a statement returns: the column names and rows of a query (values are String, Integer,
 * Long, Double, Boolean, LocalDateTime, LocalDate or null), or a message for DDL and EXPLAIN (then
 * the rows are empty). {@code message} is null for a query.
 */
public record StatementResult(List<String> columnNames, List<List<Object>> rows, String message) {
    public StatementResult {
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        List<List<Object>> copy = new ArrayList<>(requireNonNull(rows, "rows is null").size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** A result that is only a message. */
    public static StatementResult message(String message) {
        return new StatementResult(List.of(), List.of(), requireNonNull(message, "message is null"));
    }
}
