package io.quarry.sql.session;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.quarry.sql.runtime.expr.Values;

/** Result rows in the shared query set's answer format, and its comparison rules (numbers with a 1e-9 relative tolerance). */
final class ResultText {
    private ResultText() {
    }

    static List<String> lines(StatementResult result) {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            lines.add(row.stream().map(ResultText::cell).collect(Collectors.joining("\t")));
        }
        return lines;
    }

    static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof LocalDateTime) {
            return Values.toText(value);
        }
        return value.toString();
    }

    /** Null when equal, else what differs. */
    static String diff(List<String> expected, List<String> actual, boolean ordered) {
        List<String> e = new ArrayList<>(expected);
        List<String> a = new ArrayList<>(actual);
        while (!e.isEmpty() && e.get(e.size() - 1).isEmpty()) {
            e.remove(e.size() - 1);
        }
        if (!ordered) {
            e.sort(null);
            a.sort(null);
        }
        if (e.size() != a.size()) {
            return "expected " + e.size() + " rows, got " + a.size() + ": " + a;
        }
        for (int i = 0; i < e.size(); i++) {
            String[] x = e.get(i).split("\t", -1);
            String[] y = a.get(i).split("\t", -1);
            if (x.length != y.length) {
                return "row " + (i + 1) + ": expected " + x.length + " columns, got " + y.length + ": " + a.get(i);
            }
            for (int c = 0; c < x.length; c++) {
                if (!same(x[c], y[c])) {
                    return "row " + (i + 1) + " column " + (c + 1) + ": expected [" + x[c] + "], got [" + y[c] + "]";
                }
            }
        }
        return null;
    }

    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Double x = number(a);
        Double y = number(b);
        return x != null && y != null && Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static Double number(String s) {
        if (s.isEmpty() || s.equals("NULL")) {
            return null;
        }
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
