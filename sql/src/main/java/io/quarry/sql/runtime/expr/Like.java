package io.quarry.sql.runtime.expr;

import java.util.regex.Pattern;

import io.quarry.sql.runtime.Kind;

/**
 * {@code s [NOT] LIKE pattern}: {@code %} any run, {@code _} one character, {@code \} (or the
 * ESCAPE character) escapes; case-sensitive. A constant pattern of the shapes {@code abc},
 * {@code abc%}, {@code %abc}, {@code %abc%} is matched without a regex.
 */
public final class Like extends Expr {
    private static final long serialVersionUID = 1L;

    private enum Shape {
        EXACT, PREFIX, SUFFIX, CONTAINS, REGEX
    }

    private final Expr arg;
    private final Expr pattern;
    private final char escape;
    private final boolean negated;
    private transient String cachedPattern;
    private transient Shape shape;
    private transient String text;
    private transient Pattern regex;

    public Like(Expr arg, Expr pattern, char escape, boolean negated) {
        super(Kind.BOOLEAN);
        this.arg = arg;
        this.pattern = pattern;
        this.escape = escape;
        this.negated = negated;
    }

    @Override
    public Object eval(Object[] row) {
        Object v = arg.eval(row);
        if (v == null) {
            return null;
        }
        Object p = pattern.eval(row);
        if (p == null) {
            return null;
        }
        String s = v.toString();
        String ps = p.toString();
        if (!ps.equals(cachedPattern)) {
            prepare(ps);
        }
        boolean match = switch (shape) {
            case EXACT -> s.equals(text);
            case PREFIX -> s.startsWith(text);
            case SUFFIX -> s.endsWith(text);
            case CONTAINS -> s.contains(text);
            case REGEX -> regex.matcher(s).matches();
        };
        return match != negated;
    }

    private void prepare(String p) {
        cachedPattern = p;
        boolean special = p.indexOf('_') >= 0 || p.indexOf(escape) >= 0;
        String inner = p;
        boolean leading = inner.startsWith("%");
        if (leading) {
            inner = inner.substring(1);
        }
        boolean trailing = inner.endsWith("%");
        if (trailing) {
            inner = inner.substring(0, inner.length() - 1);
        }
        if (!special && inner.indexOf('%') < 0) {
            text = inner;
            shape = leading && trailing ? Shape.CONTAINS : leading ? Shape.SUFFIX : trailing ? Shape.PREFIX : Shape.EXACT;
            return;
        }
        shape = Shape.REGEX;
        regex = Pattern.compile(toRegex(p, escape), Pattern.DOTALL);
    }

    static String toRegex(String p, char escape) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == escape && i + 1 < p.length()) {
                out.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else if (c == '%') {
                out.append(".*");
            } else if (c == '_') {
                out.append('.');
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "(" + arg + (negated ? " NOT LIKE " : " LIKE ") + pattern + ")";
    }
}
