package io.quarry.sql.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * The operands of a Hive function: required kinds, then optional kinds, then (optionally) any number of
 * a repeated kind. Checks each operand's type and names the function's forms when one does not fit.
 */
final class HiveSignature implements SqlOperandTypeChecker {
    private final List<ArgKind> required;
    private final List<ArgKind> optional;
    private final ArgKind repeated;
    private final int minRepeated;

    private HiveSignature(List<ArgKind> required, List<ArgKind> optional, ArgKind repeated, int minRepeated) {
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.repeated = repeated;
        this.minRepeated = minRepeated;
    }

    /** Exactly these operands. */
    static HiveSignature of(ArgKind... required) {
        return new HiveSignature(List.of(required), List.of(), null, 0);
    }

    /** These operands and then up to {@code optional.length} more. */
    static HiveSignature withOptional(List<ArgKind> required, ArgKind... optional) {
        return new HiveSignature(required, List.of(optional), null, 0);
    }

    /** These operands, then at least {@code min} of {@code repeated}. */
    static HiveSignature variadic(List<ArgKind> required, ArgKind repeated, int min) {
        return new HiveSignature(required, List.of(), repeated, min);
    }

    int minOperands() {
        return required.size() + minRepeated;
    }

    int maxOperands() {
        return repeated != null ? -1 : required.size() + optional.size();
    }

    ArgKind kindAt(int index) {
        if (index < required.size()) {
            return required.get(index);
        }
        if (index - required.size() < optional.size()) {
            return optional.get(index - required.size());
        }
        return repeated != null ? repeated : ArgKind.ANY;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        int count = callBinding.getOperandCount();
        for (int i = 0; i < count; i++) {
            if (!kindAt(i).accepts(callBinding.getOperandType(i))) {
                if (throwOnFailure) {
                    throw callBinding.newValidationSignatureError();
                }
                return false;
            }
        }
        return true;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        int max = maxOperands();
        return max < 0 ? SqlOperandCountRanges.from(minOperands()) : SqlOperandCountRanges.between(minOperands(), max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        List<String> parts = new ArrayList<>();
        required.forEach(kind -> parts.add("<" + kind.display() + ">"));
        StringJoiner text = new StringJoiner(", ", opName + "(", "");
        parts.forEach(text::add);
        StringBuilder tail = new StringBuilder();
        for (ArgKind kind : optional) {
            tail.append(parts.isEmpty() && tail.length() == 0 ? "[" : "[, ").append('<').append(kind.display()).append('>');
        }
        tail.append("]".repeat(optional.size()));
        if (repeated != null) {
            tail.append(parts.isEmpty() && minRepeated == 0 ? "" : ", ").append('<').append(repeated.display()).append(">...");
        }
        return text + tail.toString() + ")";
    }

    @Override
    public boolean isOptional(int i) {
        return i >= required.size();
    }
}
