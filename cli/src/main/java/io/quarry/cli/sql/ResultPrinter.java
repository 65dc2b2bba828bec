package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.sql.functions.HiveValues;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of a query: NULL as {@code NULL}, numbers in decimal, DOUBLE as Java prints it, DATE as
 * yyyy-MM-dd, TIMESTAMP as Hive does, arrays as {@code ["a","b"]}. TABLE draws a box with a header; TSV and
 * CSV print one line per row, with a header line only when asked.
 */
final class ResultPrinter {
    private final OutputFormat format;
    private final boolean header;

    ResultPrinter(OutputFormat format, boolean header) {
        this.format = requireNonNull(format, "format is null");
        this.header = header;
    }

    void print(List<String> columns, List<List<Object>> rows, PrintStream out) {
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<String> line = new ArrayList<>(row.size());
            row.forEach(value -> line.add(text(value)));
            cells.add(line);
        }
        switch (format) {
            case TABLE -> table(columns, cells, out);
            case TSV -> delimited(columns, cells, out, "\t", false);
            case CSV -> delimited(columns, cells, out, ",", true);
        }
        out.flush();
    }

    /** The printed form of one value. */
    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof LocalDateTime timestamp) {
            return HiveValues.timestampString(timestamp);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(item instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text(item));
            }
            return "[" + String.join(",", items) + "]";
        }
        return HiveValues.toStr(value);
    }

    private void delimited(List<String> columns, List<List<String>> cells, PrintStream out, String separator, boolean quote) {
        if (header) {
            out.println(join(columns, separator, quote));
        }
        for (List<String> row : cells) {
            out.println(join(row, separator, quote));
        }
    }

    private static String join(List<String> values, String separator, boolean quote) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(separator);
            }
            String value = values.get(i);
            if (quote && (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r"))) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }

    private static void table(List<String> columns, List<List<String>> cells, PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
        }
        for (List<String> row : cells) {
            for (int i = 0; i < widths.length && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(columns, widths));
        out.println(rule);
        for (List<String> row : cells) {
            out.println(line(row, widths));
        }
        out.println(rule);
    }

    private static String rule(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.toString();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String value = i < values.size() ? values.get(i) : "";
            line.append(' ').append(value).append(" ".repeat(widths[i] - value.length())).append(" |");
        }
        return line.toString();
    }
}
