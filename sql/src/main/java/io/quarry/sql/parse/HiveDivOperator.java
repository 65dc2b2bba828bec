package io.quarry.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Hive's integer division {@code a DIV b}, which Calcite's grammars lack. Before parsing, each
 * {@code DIV} token used as an infix operator (outside string literals, quoted identifiers and
 * comments, after an operand rather than a keyword, so {@code div(a, b)} and {@code `div`} stay as
 * written) becomes {@code /} padded to the same length, keeping every position of the statement;
 * the token's line and column are remembered. After parsing, each {@code /} call with a remembered
 * position between its two operands becomes {@link HiveOperators#INT_DIVIDE}. Since the operator
 * of a binary call is the only token between its operands, no other division is taken for it.
 */
final class HiveDivOperator {
    /** Keywords that end an operand: a DIV after them is the operator. */
    private static final Set<String> OPERAND_KEYWORDS = Set.of("END", "NULL", "TRUE", "FALSE", "UNKNOWN");
    private static final SqlAbstractParserImpl.Metadata METADATA = SqlParser.create("", HiveSqlParser.CONFIG).getMetadata();

    /** The statement text with infix DIVs turned into padded slashes, and where they were. */
    record Rewritten(String sql, List<SqlParserPos> positions) {
    }

    private HiveDivOperator() {
    }

    static Rewritten rewrite(String sql) {
        StringBuilder out = new StringBuilder(sql);
        List<SqlParserPos> positions = new ArrayList<>();
        int line = 1;
        int column = 1;
        boolean afterOperand = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            boolean operand;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoted(sql, i, c);
                operand = true;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                operand = afterOperand;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                operand = afterOperand;
            } else if (Character.isWhitespace(c)) {
                end = i + 1;
                operand = afterOperand;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
                if (word.equals("DIV") && afterOperand) {
                    out.replace(i, end, "/  ");
                    positions.add(new SqlParserPos(line, column));
                    operand = false;
                } else {
                    operand = Character.isDigit(c) || OPERAND_KEYWORDS.contains(word) || !METADATA.isReservedWord(word);
                }
            } else {
                end = i + 1;
                operand = c == ')' || c == ']';
            }
            for (int k = i; k < end; k++) {
                char ch = sql.charAt(k);
                if (ch == '\n' || (ch == '\r' && (k + 1 >= n || sql.charAt(k + 1) != '\n'))) {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            afterOperand = operand;
            i = end;
        }
        return new Rewritten(out.toString(), List.copyOf(positions));
    }

    /** The end of the literal or identifier opened by {@code quote} at {@code start}: doubled quotes and backslash escapes stay inside. */
    private static int quoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The parsed statement with the divisions written as DIV turned back into DIV calls. */
    static SqlNode restore(SqlNode node, List<SqlParserPos> positions) {
        if (positions.isEmpty()) {
            return node;
        }
        return node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall c && c.getOperator() == SqlStdOperatorTable.DIVIDE && c.operandCount() == 2
                        && c.operand(0) != null && c.operand(1) != null) {
                    SqlParserPos left = c.operand(0).getParserPosition();
                    SqlParserPos right = c.operand(1).getParserPosition();
                    for (SqlParserPos div : positions) {
                        if (after(div, left.getEndLineNum(), left.getEndColumnNum())
                                && after(new SqlParserPos(right.getLineNum(), right.getColumnNum()), div.getLineNum(), div.getColumnNum())) {
                            return HiveOperators.INT_DIVIDE.createCall(c.getParserPosition(), c.getOperandList());
                        }
                    }
                }
                return visited;
            }
        });
    }

    private static boolean after(SqlParserPos pos, int line, int column) {
        return pos.getLineNum() > line || (pos.getLineNum() == line && pos.getColumnNum() > column);
    }
}
