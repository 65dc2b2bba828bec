package io.quarry.cli.dfs;

import java.util.ArrayList;
import java.util.List;

import io.quarry.dfs.Permissions;

/**
 * A {@code chmod} mode: octal ({@code 755}, {@code 1777}) or symbolic clauses separated by commas
 * ({@code u+x}, {@code go-w}, {@code a=r}, {@code +t}, {@code a+X}), applied to a current mode.
 */
final class ModeSpec {
    private record Clause(int who, char op, int bits, boolean conditionalExecute, boolean sticky) {
    }

    private final Short octal;
    private final List<Clause> clauses;

    private ModeSpec(Short octal, List<Clause> clauses) {
        this.octal = octal;
        this.clauses = clauses;
    }

    static ModeSpec parse(String text) {
        if (text.matches("[0-7]{1,4}")) {
            return new ModeSpec(Permissions.parseOctal(text), List.of());
        }
        List<Clause> clauses = new ArrayList<>();
        for (String clause : text.split(",", -1)) {
            parseClause(text, clause, clauses);
        }
        return new ModeSpec(null, clauses);
    }

    private static void parseClause(String whole, String clause, List<Clause> out) {
        int i = 0;
        int who = 0;
        while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
            who |= switch (clause.charAt(i)) {
                case 'u' -> 0700;
                case 'g' -> 0070;
                case 'o' -> 0007;
                default -> 0777;
            };
            i++;
        }
        if (who == 0) {
            who = 0777;
        }
        if (i >= clause.length()) {
            throw invalid(whole);
        }
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            if (op != '+' && op != '-' && op != '=') {
                throw invalid(whole);
            }
            int bits = 0;
            boolean conditionalExecute = false;
            boolean sticky = false;
            while (i < clause.length() && "rwxXt".indexOf(clause.charAt(i)) >= 0) {
                switch (clause.charAt(i++)) {
                    case 'r' -> bits |= 0444;
                    case 'w' -> bits |= 0222;
                    case 'x' -> bits |= 0111;
                    case 'X' -> conditionalExecute = true;
                    default -> sticky = true;
                }
            }
            out.add(new Clause(who, op, bits & who, conditionalExecute, sticky));
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("chmod : mode '" + text + "' does not match the expected pattern "
                + "(octal such as 755, or symbolic such as u+x,go-w)");
    }

    /** The new mode for a file or directory whose mode is {@code current}. */
    short apply(short current, boolean directory) {
        if (octal != null) {
            return octal;
        }
        int mode = current & 07777;
        for (Clause clause : clauses) {
            int bits = clause.bits();
            if (clause.conditionalExecute() && (directory || (mode & 0111) != 0)) {
                bits |= 0111 & clause.who();
            }
            int sticky = clause.sticky() ? 01000 : 0;
            mode = switch (clause.op()) {
                case '+' -> mode | bits | sticky;
                case '-' -> mode & ~(bits | sticky);
                default -> (mode & ~clause.who() & ~(clause.sticky() ? 01000 : 0)) | bits | sticky;
            };
        }
        return (short) mode;
    }
}
