package io.quarry.sql.format;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * JSON lines ({@code STORED AS JSONFILE}): each line is one object whose top-level fields fill
 * the columns of the same name, compared case-insensitively as Hive's JsonSerDe does. Missing
 * fields and JSON nulls are NULL; a nested object or array is its JSON text (for a STRING column);
 * a line that is not one well-formed object is a row of NULLs.
 */
public final class JsonRowDeserializer implements RowDeserializer {
    private final List<Column> columns;
    private final ColumnType[] types;
    private final String[] names;
    private final JsonScanner scanner = new JsonScanner();

    public JsonRowDeserializer(List<Column> columns) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.types = this.columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.names = this.columns.stream().map(Column::name).toArray(String[]::new);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] deserialize(CharSequence line, Object[] row) {
        Arrays.fill(row, 0, types.length, null);
        try {
            readObject(line, row);
        } catch (JsonScanner.MalformedJsonException e) {
            Arrays.fill(row, 0, types.length, null);
        }
        return row;
    }

    private void readObject(CharSequence line, Object[] row) {
        scanner.reset(line);
        scanner.expect('{');
        if (!scanner.consumeIf('}')) {
            do {
                int column = column(line, scanner.stringBounds());
                scanner.expect(':');
                readValue(line, column, row);
            } while (scanner.consumeIf(','));
            scanner.expect('}');
        }
        scanner.expectEnd();
    }

    private void readValue(CharSequence line, int column, Object[] row) {
        char next = scanner.peek();
        if (next == '"') {
            long bounds = scanner.stringBounds();
            if (column >= 0) {
                String text = scanner.unescapedString(bounds);
                row[column] = types[column].parse(text);
            }
            return;
        }
        int start = scanner.position();
        if (next == '{' || next == '[') {
            scanner.skipComposite();
        } else {
            scanner.skipScalar();
        }
        int end = scanner.position();
        if (column < 0 || (end - start == 4 && "null".contentEquals(line.subSequence(start, end)))) {
            return;
        }
        row[column] = types[column].parse(line, start, end);
    }

    /** The index of the column named by the key at {@code bounds}, or -1; compares without copying. */
    private int column(CharSequence line, long bounds) {
        int start = JsonScanner.start(bounds);
        int end = JsonScanner.end(bounds);
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == end - start && regionMatchesIgnoreCase(line, start, names[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence line, int start, String name) {
        for (int i = 0; i < name.length(); i++) {
            char a = line.charAt(start + i);
            char b = name.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }
}
