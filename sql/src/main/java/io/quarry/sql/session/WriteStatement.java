package io.quarry.sql.session;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarry.sql.ddl.HiveStrings;

/**
 * The statements that write a query's result: {@code CREATE TABLE t [ROW FORMAT DELIMITED FIELDS
 * TERMINATED BY 'c'] [STORED AS TEXTFILE] AS SELECT …}, {@code INSERT OVERWRITE TABLE t SELECT …}
 * and {@code INSERT OVERWRITE [LOCAL] DIRECTORY 'path' [ROW FORMAT DELIMITED FIELDS TERMINATED BY 'c']
 * SELECT …}. Only the head is read here; the query goes to the query planner.
 */
record WriteStatement(Target target, String name, boolean ifNotExists, Character delimiter, String query, int queryLine) {
    enum Target {
        NEW_TABLE, TABLE, DIRECTORY
    }

    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)";
    private static final String FORMAT = "(?:ROW\\s+FORMAT\\s+DELIMITED\\s+FIELDS\\s+TERMINATED\\s+BY\\s+'((?:[^'\\\\]|\\\\.)*)'\\s+)?"
            + "(?:STORED\\s+AS\\s+TEXTFILE\\s+)?";
    private static final String QUERY = "((?:SELECT|WITH|\\()[\\s\\S]*)$";
    private static final Pattern CTAS = Pattern.compile("^\\s*CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+"
            + FORMAT + "AS\\s+" + QUERY, Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_TABLE = Pattern.compile("^\\s*INSERT\\s+OVERWRITE\\s+TABLE\\s+" + NAME + "\\s+" + QUERY,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_DIRECTORY = Pattern.compile(
            "^\\s*INSERT\\s+OVERWRITE\\s+(?:LOCAL\\s+)?DIRECTORY\\s+'((?:[^'\\\\]|\\\\.)*)'\\s+" + FORMAT + QUERY,
            Pattern.CASE_INSENSITIVE);

    static Optional<WriteStatement> parse(String sql) {
        Matcher m = CTAS.matcher(sql);
        if (m.find()) {
            return Optional.of(new WriteStatement(Target.NEW_TABLE, m.group(2), m.group(1) != null, delimiter(m.group(3)),
                    m.group(4), line(sql, m.start(4))));
        }
        m = INSERT_TABLE.matcher(sql);
        if (m.find()) {
            return Optional.of(new WriteStatement(Target.TABLE, m.group(1), false, null, m.group(2), line(sql, m.start(2))));
        }
        m = INSERT_DIRECTORY.matcher(sql);
        if (m.find()) {
            return Optional.of(new WriteStatement(Target.DIRECTORY, HiveStrings.unescape(m.group(1)), false,
                    delimiter(m.group(2)), m.group(3), line(sql, m.start(3))));
        }
        return Optional.empty();
    }

    /** Whether the statement starts like one of these (so a malformed one is reported, not sent to the DDL parser). */
    static boolean looksLikeWrite(String sql) {
        String upper = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("INSERT") || (upper.startsWith("CREATE") && upper.matches("(?s)CREATE\\s+TABLE\\s.*\\sAS\\s+(SELECT|WITH|\\().*"));
    }

    private static Character delimiter(String literal) {
        if (literal == null) {
            return null;
        }
        String value = HiveStrings.unescape(literal);
        if (value.length() != 1) {
            throw new IllegalArgumentException("FIELDS TERMINATED BY takes one character, got '" + literal + "'");
        }
        return value.charAt(0);
    }

    private static int line(String sql, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
