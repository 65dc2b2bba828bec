package io.quarry.common.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Java source file and finds what it refers to: its package, its imports (plain,
 * static, wildcard) and fully qualified names used in code. Comments, string literals, character
 * literals and text blocks are blanked first, so a name mentioned in prose never counts.
 */
final class SourceReferences {
    /** One name the file refers to, with the line it is on and how it was written. */
    record Reference(int line, String name, String written) {
    }

    /** Root packages whose qualified names we look for in code. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:io\\.quarry|io\\.netty|com\\.esotericsoftware|org\\.apache)(?:\\s*\\.\\s*\\w+)+)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.\\s*]+?)\\s*;");

    private final String packageName;
    private final List<Reference> references;

    private SourceReferences(String packageName, List<Reference> references) {
        this.packageName = packageName;
        this.references = List.copyOf(references);
    }

    static SourceReferences parse(String source) {
        String[] lines = codeOnly(source).split("\n", -1);
        String packageName = "";
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher pkg = PACKAGE.matcher(line);
            if (pkg.find()) {
                packageName = pkg.group(1).replaceAll("\\s+", "");
                continue;
            }
            Matcher imp = IMPORT.matcher(line);
            if (imp.find()) {
                String name = imp.group(2).replaceAll("\\s+", "");
                references.add(new Reference(i + 1, name, "import " + (imp.group(1) != null ? "static " : "") + name));
                continue;
            }
            Matcher qualified = QUALIFIED.matcher(line);
            while (qualified.find()) {
                String name = qualified.group(1).replaceAll("\\s+", "");
                references.add(new Reference(i + 1, name, "qualified name " + name));
            }
        }
        return new SourceReferences(packageName, references);
    }

    String packageName() {
        return packageName;
    }

    List<Reference> references() {
        return references;
    }

    /** The source with comments and literals replaced by spaces; line breaks are kept so line numbers stay right. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && isEscaped(source, end)) {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                blank(source, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                blank(source, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** XML with its comments blanked, so a commented-out module is not counted. */
    static String codeOnlyXml(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", " ");
    }

    private static boolean isEscaped(String source, int index) {
        int backslashes = 0;
        for (int j = index - 1; j >= 0 && source.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            out.append(source.charAt(j) == '\n' ? '\n' : ' ');
        }
    }
}
