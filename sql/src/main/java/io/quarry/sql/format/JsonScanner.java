package io.quarry.sql.format;

/**
 * A minimal cursor over one line of JSON: enough to walk a top-level object, find its keys and
 * the extent of each value. It allocates only to unescape a string value that contains escapes.
 * String bounds are packed into a long (start in the high half, end in the low half) and exclude
 * the quotes.
 */
final class JsonScanner {
    /** The line is not well-formed JSON; thrown without a stack trace, as malformed lines are routine. */
    static final class MalformedJsonException extends RuntimeException {
        MalformedJsonException() {
            super("malformed JSON", null, false, false);
        }
    }

    private static final MalformedJsonException MALFORMED = new MalformedJsonException();

    private CharSequence text;
    private int pos;
    private int end;

    void reset(CharSequence line) {
        this.text = line;
        this.pos = 0;
        this.end = line.length();
    }

    int position() {
        return pos;
    }

    static int start(long bounds) {
        return (int) (bounds >>> 32);
    }

    static int end(long bounds) {
        return (int) bounds;
    }

    char peek() {
        skipBlanks();
        if (pos >= end) {
            throw MALFORMED;
        }
        return text.charAt(pos);
    }

    void expect(char c) {
        if (peek() != c) {
            throw MALFORMED;
        }
        pos++;
    }

    boolean consumeIf(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expectEnd() {
        skipBlanks();
        if (pos != end) {
            throw MALFORMED;
        }
    }

    /** Reads a string and returns its bounds, quotes excluded. */
    long stringBounds() {
        expect('"');
        int start = pos;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return ((long) start << 32) | (pos - 1);
            }
            pos += c == '\\' ? 2 : 1;
        }
        throw MALFORMED;
    }

    String unescapedString(long bounds) {
        int start = start(bounds);
        int stop = end(bounds);
        int slash = start;
        while (slash < stop && text.charAt(slash) != '\\') {
            slash++;
        }
        if (slash == stop) {
            return text.subSequence(start, stop).toString();
        }
        StringBuilder out = new StringBuilder(stop - start);
        out.append(text, start, slash);
        for (int i = slash; i < stop; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= stop) {
                        throw MALFORMED;
                    }
                    try {
                        out.append((char) Integer.parseInt(text, i + 1, i + 5, 16));
                    } catch (NumberFormatException ex) {
                        throw MALFORMED;
                    }
                    i += 4;
                }
                case '"', '\\', '/' -> out.append(e);
                default -> throw MALFORMED;
            }
        }
        return out.toString();
    }

    /** Skips a number, true, false or null; leaves the cursor after it. */
    void skipScalar() {
        skipBlanks();
        int start = pos;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == ',' || c == '}' || c == ']' || c <= ' ') {
                break;
            }
            if (c == '"' || c == '{' || c == '[' || c == ':') {
                throw MALFORMED;
            }
            pos++;
        }
        if (pos == start) {
            throw MALFORMED;
        }
    }

    /** Skips a balanced object or array, strings included. */
    void skipComposite() {
        skipBlanks();
        int depth = 0;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '"') {
                stringBounds();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return;
                }
            }
        }
        throw MALFORMED;
    }

    private void skipBlanks() {
        while (pos < end && text.charAt(pos) <= ' ') {
            pos++;
        }
    }
}
