package io.quarry.sql.compile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

import io.quarry.sql.parse.HiveOperators;
import io.quarry.sql.runtime.Kind;
import io.quarry.sql.runtime.expr.Arithmetic;
import io.quarry.sql.runtime.expr.CaseWhen;
import io.quarry.sql.runtime.expr.Cast;
import io.quarry.sql.runtime.expr.ColumnRef;
import io.quarry.sql.runtime.expr.Comparison;
import io.quarry.sql.runtime.expr.Concat;
import io.quarry.sql.runtime.expr.Expr;
import io.quarry.sql.runtime.expr.FunctionCall;
import io.quarry.sql.runtime.expr.Like;
import io.quarry.sql.runtime.expr.Literal;
import io.quarry.sql.runtime.expr.Logical;
import io.quarry.sql.session.SqlException;

/**
 * Calcite row expressions as Quarry expressions over the input row: the standard operators are
 * built in, every other call is a Hive function by name. Names of input columns are kept for EXPLAIN.
 */
final class RexTranslator {
    private final RexBuilder rexBuilder;
    private final List<String> columnNames;

    RexTranslator(RexBuilder rexBuilder, List<String> columnNames) {
        this.rexBuilder = rexBuilder;
        this.columnNames = columnNames;
    }

    Expr[] translate(List<RexNode> nodes) throws SqlException {
        Expr[] out = new Expr[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = translate(nodes.get(i));
        }
        return out;
    }

    Expr translate(RexNode node) throws SqlException {
        if (node instanceof RexInputRef ref) {
            int i = ref.getIndex();
            return new ColumnRef(i, Kinds.of(ref.getType()), i < columnNames.size() ? columnNames.get(i) : null);
        }
        if (node instanceof RexLiteral literal) {
            return literal(literal, false);
        }
        if (node instanceof RexCall call) {
            return call(call);
        }
        throw new SqlException("Expression " + node + " is not supported");
    }

    private Expr literal(RexLiteral literal, boolean trimChar) throws SqlException {
        Kind kind = Kinds.of(literal.getType());
        if (literal.isNull()) {
            return new Literal(null, kind);
        }
        Object value = switch (kind) {
            case STRING -> {
                String s = literal.getValueAs(String.class);
                yield trimChar && literal.getType().getSqlTypeName() == SqlTypeName.CHAR ? s.stripTrailing() : s;
            }
            case INT -> literal.getValueAs(BigDecimal.class).intValue();
            case BIGINT -> literal.getValueAs(BigDecimal.class).longValue();
            case DOUBLE -> literal.getValueAs(BigDecimal.class) != null ? literal.getValueAs(BigDecimal.class).doubleValue()
                    : literal.getValueAs(Double.class);
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case DATE -> LocalDate.parse(literal.getValueAs(DateString.class).toString());
            case TIMESTAMP -> LocalDateTime.parse(literal.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
            case NULL -> null;
        };
        return new Literal(value, kind);
    }

    private Expr call(RexCall call) throws SqlException {
        List<RexNode> operands = call.getOperands();
        Kind kind = Kinds.of(call.getType());
        SqlKind sqlKind = call.getKind();
        switch (sqlKind) {
            case SEARCH:
                return translate(RexUtil.expandSearch(rexBuilder, null, call));
            case EQUALS:
                return comparison(Comparison.Op.EQ, operands);
            case NOT_EQUALS:
                return comparison(Comparison.Op.NE, operands);
            case LESS_THAN:
                return comparison(Comparison.Op.LT, operands);
            case LESS_THAN_OR_EQUAL:
                return comparison(Comparison.Op.LE, operands);
            case GREATER_THAN:
                return comparison(Comparison.Op.GT, operands);
            case GREATER_THAN_OR_EQUAL:
                return comparison(Comparison.Op.GE, operands);
            case IS_NOT_DISTINCT_FROM: {
                Expr a = translate(operands.get(0));
                Expr b = translate(operands.get(1));
                return new Logical.Or(new Logical.And(new Logical.Test(Logical.Test.What.NULL, a),
                        new Logical.Test(Logical.Test.What.NULL, b)), new Logical.Test(Logical.Test.What.TRUE,
                        new Comparison(Comparison.Op.EQ, a, b)));
            }
            case AND:
                return new Logical.And(translate(operands));
            case OR:
                return new Logical.Or(translate(operands));
            case NOT:
                return new Logical.Not(translate(operands.get(0)));
            case IS_NULL:
                return new Logical.Test(Logical.Test.What.NULL, translate(operands.get(0)));
            case IS_NOT_NULL:
                return new Logical.Test(Logical.Test.What.NOT_NULL, translate(operands.get(0)));
            case IS_TRUE:
                return new Logical.Test(Logical.Test.What.TRUE, translate(operands.get(0)));
            case IS_NOT_TRUE:
                return new Logical.Test(Logical.Test.What.NOT_TRUE, translate(operands.get(0)));
            case IS_FALSE:
                return new Logical.Test(Logical.Test.What.FALSE, translate(operands.get(0)));
            case IS_NOT_FALSE:
                return new Logical.Test(Logical.Test.What.NOT_FALSE, translate(operands.get(0)));
            case PLUS:
                return arithmetic(Arithmetic.Op.PLUS, operands, kind, call);
            case MINUS:
                return arithmetic(Arithmetic.Op.MINUS, operands, kind, call);
            case TIMES:
                return arithmetic(Arithmetic.Op.TIMES, operands, kind, call);
            case DIVIDE:
                return arithmetic(kind == Kind.DOUBLE ? Arithmetic.Op.DIVIDE : Arithmetic.Op.INT_DIVIDE, operands, kind, call);
            case MOD:
                return arithmetic(Arithmetic.Op.MOD, operands, kind, call);
            case MINUS_PREFIX:
                return new Arithmetic.Negate(translate(operands.get(0)), kind);
            case PLUS_PREFIX:
                return translate(operands.get(0));
            case CASE:
                return caseWhen(call, kind);
            case COALESCE: {
                Expr[] args = translate(operands);
                Expr[] conditions = new Expr[args.length - 1];
                Expr[] results = new Expr[args.length - 1];
                for (int i = 0; i < args.length - 1; i++) {
                    conditions[i] = new Logical.Test(Logical.Test.What.NOT_NULL, args[i]);
                    results[i] = args[i];
                }
                return new CaseWhen(conditions, results, args[args.length - 1], kind);
            }
            case CAST:
            case SAFE_CAST:
                return new Cast(translate(operands.get(0)), kind);
            case LIKE: {
                boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
                char escape = '\\';
                if (operands.size() > 2 && operands.get(2) instanceof RexLiteral e && !e.isNull()) {
                    escape = e.getValueAs(String.class).charAt(0);
                }
                return new Like(translate(operands.get(0)), translate(operands.get(1)), escape, negated);
            }
            default:
                break;
        }
        String name = call.getOperator().getName();
        if (call.getOperator() == HiveOperators.DIVIDE) {
            return new Arithmetic(Arithmetic.Op.DIVIDE, translate(operands.get(0)), translate(operands.get(1)), Kind.DOUBLE);
        }
        if (call.getOperator() == HiveOperators.INT_DIVIDE) {
            return new Arithmetic(Arithmetic.Op.INT_DIVIDE, translate(operands.get(0)), translate(operands.get(1)), Kind.BIGINT);
        }
        if ("||".equals(name)) {
            return new Concat(translate(operands.get(0)), translate(operands.get(1)));
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (!FunctionCall.exists(upper)) {
            throw new SqlException("Function " + name + " is not supported (in " + call + ")");
        }
        return new FunctionCall(upper, translate(operands), kind);
    }

    private Expr comparison(Comparison.Op op, List<RexNode> operands) throws SqlException {
        return new Comparison(op, translate(operands.get(0)), translate(operands.get(1)));
    }

    private Expr arithmetic(Arithmetic.Op op, List<RexNode> operands, Kind kind, RexCall call) throws SqlException {
        if (!kind.isNumeric()) {
            throw new SqlException("Arithmetic on " + call.getType() + " is not supported: " + call);
        }
        return new Arithmetic(op, translate(operands.get(0)), translate(operands.get(1)), kind);
    }

    /** CASE results that are CHAR literals lose the blanks Calcite padded them with (Hive has no CHAR padding here). */
    private Expr caseWhen(RexCall call, Kind kind) throws SqlException {
        List<RexNode> operands = call.getOperands();
        int pairs = (operands.size() - 1) / 2;
        Expr[] conditions = new Expr[pairs];
        Expr[] results = new Expr[pairs];
        for (int i = 0; i < pairs; i++) {
            conditions[i] = translate(operands.get(2 * i));
            results[i] = result(operands.get(2 * i + 1));
        }
        return new CaseWhen(conditions, results, result(operands.get(operands.size() - 1)), kind);
    }

    private Expr result(RexNode node) throws SqlException {
        return node instanceof RexLiteral literal ? literal(literal, true) : translate(node);
    }

    static RelDataType type(RexNode node) {
        return node.getType();
    }
}
