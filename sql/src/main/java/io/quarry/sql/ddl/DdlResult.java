package io.quarry.sql.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a DDL statement returns: a table of strings (empty for CREATE and DROP) and a message for the user. */
public record DdlResult(List<String> header, List<List<String>> rows, String message) {
    public DdlResult {
        header = List.copyOf(requireNonNull(header, "header is null"));
        rows = rows.stream().map(List::copyOf).toList();
        requireNonNull(message, "message is null");
    }

    static DdlResult message(String message) {
        return new DdlResult(List.of(), List.of(), message);
    }
}
