package io.quarry.sql.functions;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces, in a parsed statement, the standard calls Calcite's grammar builds for some Hive functions by
 * the Hive declarations: {@code FLOOR(x)} and {@code CEIL(x)} (BIGINT in Hive, not the argument's type)
 * and {@code TRIM(x)}, {@code TRIM(LEADING ' ' FROM x)}, {@code TRIM(TRAILING ' ' FROM x)} (Hive's trim,
 * ltrim, rtrim). Run it between parsing and validation; other calls are left as they are.
 */
public final class HiveCallRewriter extends SqlShuttle {
    private static final HiveCallRewriter INSTANCE = new HiveCallRewriter();

    private HiveCallRewriter() {
    }

    /** The statement with those calls replaced (the same node when there is nothing to replace). */
    public static SqlNode rewrite(SqlNode statement) {
        return statement.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlCall c)) {
            return visited;
        }
        List<SqlNode> operands = c.getOperandList();
        if ((c.getOperator() == SqlStdOperatorTable.FLOOR || c.getOperator() == SqlStdOperatorTable.CEIL)
                && operands.size() == 1) {
            return hive(c.getOperator() == SqlStdOperatorTable.FLOOR ? "FLOOR" : "CEIL").createCall(c.getParserPosition(),
                    operands.get(0));
        }
        if (c.getKind() == SqlKind.TRIM && operands.size() == 3 && operands.get(0) instanceof SqlLiteral flag
                && operands.get(1) instanceof SqlCharStringLiteral chars
                && " ".equals(chars.getValueAs(String.class))) {
            String name = switch (flag.getValueAs(SqlTrimFunction.Flag.class)) {
                case BOTH -> "TRIM";
                case LEADING -> "LTRIM";
                case TRAILING -> "RTRIM";
            };
            return hive(name).createCall(c.getParserPosition(), operands.get(2));
        }
        return c;
    }

    private static SqlFunction hive(String name) {
        return HiveFunctions.declaration(name).orElseThrow(() -> new IllegalStateException("No Hive " + name));
    }
}
