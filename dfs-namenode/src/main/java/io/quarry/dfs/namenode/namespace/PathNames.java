package io.quarry.dfs.namenode.namespace;

import java.util.ArrayList;
import java.util.List;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

/** Wire paths: absolute, normalized ("/a/b"), no empty, "." or ".." components. */
public final class PathNames {
    private PathNames() {
    }

    /** Splits a wire path into its components, rejecting anything not absolute and normalized. */
    public static List<String> components(String op, String path) throws QuarryException {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw invalid(op, path, "not an absolute path");
        }
        if (path.equals("/")) {
            return List.of();
        }
        if (path.endsWith("/")) {
            throw invalid(op, path, "trailing '/'");
        }
        List<String> parts = new ArrayList<>();
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String part = path.substring(start, end);
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf(':') >= 0 && part.contains("://")) {
                throw invalid(op, path, "component '" + part + "' is not allowed");
            }
            parts.add(part);
            start = end + 1;
        }
        return parts;
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }

    /** Whether {@code path} equals {@code ancestor} or lies below it. */
    public static boolean isSameOrBelow(String path, String ancestor) {
        if (ancestor.equals("/")) {
            return true;
        }
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    private static QuarryException invalid(String op, String path, String why) {
        return new QuarryException(ErrorCode.INVALID_ARGUMENT, op + " " + path + ": " + why
                + " (paths must be absolute and normalized, like /a/b)");
    }
}
