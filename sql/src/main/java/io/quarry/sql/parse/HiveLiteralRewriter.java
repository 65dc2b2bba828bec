package io.quarry.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.NlsString;

import io.quarry.sql.ddl.HiveStrings;

/**
 * Gives a parsed query Hive's meaning where Calcite's differs: string literals are unescaped the
 * Hive way ({@code '\\.'} is the two characters {@code \.}), and {@code /} becomes Hive's DOUBLE
 * division.
 */
final class HiveLiteralRewriter extends SqlShuttle {
    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof SqlNumericLiteral number && number.isExact() && number.getScale() != null
                && number.getScale() > 0) {
            // Hive reads 0.05 as a DOUBLE; Calcite's DECIMAL would make comparisons round the other side.
            return SqlLiteral.createApproxNumeric(number.toValue(), number.getParserPosition());
        }
        if (literal instanceof SqlCharStringLiteral chars) {
            NlsString value = chars.getValueAs(NlsString.class);
            String unescaped = HiveStrings.unescape(value.getValue());
            if (!unescaped.equals(value.getValue())) {
                return SqlLiteral.createCharString(unescaped, literal.getParserPosition());
            }
        }
        return literal;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlCall c && c.getKind() == SqlKind.DIVIDE && c.getOperator() == SqlStdOperatorTable.DIVIDE) {
            return HiveOperators.DIVIDE.createCall(c.getParserPosition(), c.getOperandList());
        }
        return visited;
    }
}
