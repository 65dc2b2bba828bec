package io.quarry.sql.format;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hive's RegexSerDe: capture group i of {@code input.regex} is column i. A line the regex does
 * not match as a whole is a row of NULLs, as is a group that took no part in the match. The
 * pattern is compiled once and its matcher reused for every line. Columns outside the read mask
 * are left null without parsing their text.
 */
public final class RegexRowDeserializer implements RowDeserializer {
    private final List<Column> columns;
    private final ColumnType[] types;
    private final boolean[] read;
    private final Pattern pattern;
    private final Matcher matcher;

    public RegexRowDeserializer(List<Column> columns, String regex) {
        this(columns, regex, null);
    }

    /** Decodes only the columns whose entry in {@code read} is true (all when {@code read} is null). */
    public RegexRowDeserializer(List<Column> columns, String regex, boolean[] read) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.types = this.columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.read = ReadMask.of(read, types.length);
        requireNonNull(regex, "regex is null");
        try {
            this.pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid input.regex '" + regex + "': " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
        this.matcher = pattern.matcher("");
        if (matcher.groupCount() != types.length) {
            throw new IllegalArgumentException("input.regex '" + regex + "' has " + matcher.groupCount()
                    + " capture groups but the table has " + types.length + " columns");
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] deserialize(CharSequence line, Object[] row) {
        matcher.reset(line);
        if (!matcher.matches()) {
            Arrays.fill(row, 0, types.length, null);
            return row;
        }
        for (int i = 0; i < types.length; i++) {
            int start = read[i] ? matcher.start(i + 1) : -1;
            row[i] = start < 0 ? null : types[i].parse(line, start, matcher.end(i + 1));
        }
        matcher.reset("");
        return row;
    }
}
