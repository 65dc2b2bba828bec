package io.quarry.sql.parse;

import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;

import io.quarry.sql.functions.HiveCallRewriter;
import io.quarry.sql.session.SqlException;

/**
 * Parses HiveQL queries with Calcite's babel parser: BigQuery lexing (back-tick identifiers,
 * case-insensitive names, single- and double-quoted strings), BABEL conformance, then Hive's
 * string escapes and division ({@link HiveLiteralRewriter}) and integer division {@code a DIV b}
 * ({@link HiveDivOperator}). Variable substitution
 * ({@code ${env:X}}) is the shell's business.
 */
public final class HiveSqlParser {
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withLex(Lex.BIG_QUERY)
            .withConformance(HiveConformance.INSTANCE)
            .withParserFactory(SqlBabelParserImpl.FACTORY);

    private HiveSqlParser() {
    }

    /** @throws SqlException naming the line, column and unexpected token of a syntax error */
    public static SqlNode parse(String sql) throws SqlException {
        SqlNode node;
        HiveDivOperator.Rewritten text = HiveDivOperator.rewrite(sql);
        try {
            node = SqlParser.create(text.sql(), CONFIG).parseQuery();
        } catch (SqlParseException e) {
            SqlException error = syntaxError(e);
            SqlParserPos pos = e.getPos();
            boolean atDiv = pos != null && text.positions().stream()
                    .anyMatch(p -> p.getLineNum() == pos.getLineNum() && p.getColumnNum() == pos.getColumnNum());
            throw atDiv ? new SqlException(error.getMessage().replace("unexpected '/  ", "unexpected 'DIV ")
                    .replace("unexpected '/ ", "unexpected 'DIV ").replace("unexpected '/'", "unexpected 'DIV'"), error.line(), error.column(), e) : error;
        }
        return rewrite(HiveDivOperator.restore(node, text.positions()));
    }

    /** Applies Hive's literal and operator meaning to a parsed query. */
    public static SqlNode rewrite(SqlNode node) {
        return HiveCallRewriter.rewrite(node.accept(new HiveLiteralRewriter()));
    }

    /** A Calcite parse error as Quarry reports it: position, the unexpected token, a short list of what was expected. */
    public static SqlException syntaxError(SqlParseException e) {
        SqlParserPos pos = e.getPos();
        int line = pos == null ? 0 : pos.getLineNum();
        int column = pos == null ? 0 : pos.getColumnNum();
        String message = e.getMessage() == null ? "" : e.getMessage();
        String token = null;
        int encountered = message.indexOf("Encountered \"");
        if (encountered >= 0) {
            int end = message.indexOf("\" at line", encountered);
            if (end > encountered) {
                token = message.substring(encountered + "Encountered \"".length(), end);
            }
        }
        StringBuilder text = new StringBuilder("Syntax error at line ").append(line).append(", column ").append(column)
                .append(": ");
        if (token != null) {
            text.append(token.equals("<EOF>") ? "unexpected end of statement" : "unexpected '" + token + "'");
            var expected = e.getExpectedTokenNames();
            if (expected != null && !expected.isEmpty() && expected.size() <= 6) {
                text.append(", expected one of ").append(String.join(" ", expected));
            }
        } else {
            text.append(message.lines().findFirst().orElse(message));
        }
        return new SqlException(text.toString(), line, column, e);
    }
}
