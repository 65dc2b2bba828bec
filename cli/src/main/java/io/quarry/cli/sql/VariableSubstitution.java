package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Hive's variable substitution: {@code ${hivevar:x}} and {@code ${x}} (a variable from -d/--define/--hivevar
 * or SET hivevar:), {@code ${env:X}} (the environment), {@code ${system:x}} (a JVM property) and
 * {@code ${hiveconf:k}} (the configuration; a bare {@code ${k}} falls back to it). An unknown reference stays
 * as written; a value that holds references is substituted in turn (up to 40 levels, as Hive). Applied
 * everywhere in a statement, string literals included. Remembers, for each character of the result, the
 * offset of the character of the input it came from, so an error position maps back to the script.
 */
final class VariableSubstitution {
    private static final int MAX_DEPTH = 40;

    private final Map<String, String> variables;
    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> configuration;

    VariableSubstitution(Map<String, String> variables, UnaryOperator<String> environment,
            UnaryOperator<String> configuration) {
        this.variables = requireNonNull(variables, "variables is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    /** Substituted text and, per character of it, the offset in the input it came from. */
    record Result(String text, int[] sourceOffsets) {
        /** The input offset of {@code offset} in the text (the end maps to the input's end). */
        int sourceOffset(int offset, int inputLength) {
            if (offset < 0) {
                return 0;
            }
            return offset < sourceOffsets.length ? sourceOffsets[offset] : inputLength;
        }
    }

    Result substitute(String input) {
        StringBuilder out = new StringBuilder(input.length());
        int[] offsets = new int[input.length() + 16];
        int i = 0;
        while (i < input.length()) {
            int end = referenceEnd(input, i);
            String value = end < 0 ? null : lookup(input.substring(i + 2, end - 1), 0);
            if (value == null) {
                offsets = append(out, offsets, String.valueOf(input.charAt(i)), i);
                i++;
            } else {
                offsets = append(out, offsets, value, i);
                i = end;
            }
        }
        int[] exact = new int[out.length()];
        System.arraycopy(offsets, 0, exact, 0, out.length());
        return new Result(out.toString(), exact);
    }

    /** The end (exclusive) of a {@code ${name}} reference starting at i, or -1. */
    private static int referenceEnd(String s, int i) {
        if (s.charAt(i) != '$' || i + 2 >= s.length() || s.charAt(i + 1) != '{') {
            return -1;
        }
        for (int j = i + 2; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '}') {
                return j == i + 2 ? -1 : j + 1;
            }
            if (c == '$' || c == ' ' || c == '{') {
                return -1;
            }
        }
        return -1;
    }

    private String lookup(String name, int depth) {
        String value;
        if (name.startsWith("hivevar:")) {
            value = variables.get(name.substring("hivevar:".length()));
        } else if (name.startsWith("env:")) {
            value = environment.apply(name.substring("env:".length()));
        } else if (name.startsWith("system:")) {
            value = System.getProperty(name.substring("system:".length()));
        } else if (name.startsWith("hiveconf:")) {
            value = configuration.apply(name.substring("hiveconf:".length()));
        } else {
            value = variables.get(name);
            if (value == null) {
                value = configuration.apply(name);
            }
        }
        if (value == null || depth >= MAX_DEPTH || !value.contains("${")) {
            return value;
        }
        StringBuilder nested = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int end = referenceEnd(value, i);
            String inner = end < 0 ? null : lookup(value.substring(i + 2, end - 1), depth + 1);
            if (inner == null) {
                nested.append(value.charAt(i));
                i++;
            } else {
                nested.append(inner);
                i = end;
            }
        }
        return nested.toString();
    }

    private static int[] append(StringBuilder out, int[] offsets, String text, int sourceOffset) {
        int[] target = offsets;
        if (out.length() + text.length() > target.length) {
            int[] grown = new int[Math.max(target.length * 2, out.length() + text.length())];
            System.arraycopy(target, 0, grown, 0, out.length());
            target = grown;
        }
        for (int k = 0; k < text.length(); k++) {
            target[out.length() + k] = sourceOffset;
        }
        out.append(text);
        return target;
    }
}
