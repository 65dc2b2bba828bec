package io.quarry.dfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands glob patterns one path component at a time, as Hadoop's {@code globStatus} does:
 * {@code *} and {@code ?} match within a component, {@code [abc]}, {@code [a-z]} and
 * {@code [!a]} match one character, {@code {a,b}} matches alternatives and {@code \} escapes.
 * A pattern without glob characters yields the path's status if it exists.
 */
final class Globber {
    private Globber() {
    }

    static List<FileStatus> expand(FileSystem fs, Path pattern) throws IOException {
        String[] components = pattern.components();
        Path root = new Path(pattern.scheme() == null ? "/" : pattern.scheme() + "://"
                + (pattern.authority() == null ? "" : pattern.authority()) + "/");
        List<Path> candidates = List.of(root);
        boolean globbed = false;
        for (int i = 0; i < components.length; i++) {
            String component = components[i];
            boolean last = i == components.length - 1;
            List<Path> next = new ArrayList<>();
            if (!hasGlob(component)) {
                String literal = unescape(component);
                for (Path candidate : candidates) {
                    next.add(candidate.child(literal));
                }
            } else {
                globbed = true;
                Pattern regex = GlobPattern.compile(component);
                for (Path candidate : candidates) {
                    for (FileStatus child : listDirectory(fs, candidate)) {
                        if (!last && !child.isDirectory()) {
                            continue;
                        }
                        if (regex.matcher(child.path().name()).matches()) {
                            next.add(child.path());
                        }
                    }
                }
            }
            candidates = next;
            if (candidates.isEmpty()) {
                return List.of();
            }
        }
        List<FileStatus> result = new ArrayList<>();
        for (Path candidate : candidates) {
            try {
                result.add(fs.getFileStatus(candidate));
            } catch (FileNotFoundException e) {
                // a literal component that does not exist matches nothing
            }
        }
        if (globbed) {
            result.sort((a, b) -> a.path().compareTo(b.path()));
        }
        return result;
    }

    private static List<FileStatus> listDirectory(FileSystem fs, Path directory) throws IOException {
        try {
            FileStatus status = fs.getFileStatus(directory);
            return status.isDirectory() ? fs.listStatus(directory) : List.of();
        } catch (FileNotFoundException e) {
            return List.of();
        }
    }

    static boolean hasGlob(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String component) {
        if (component.indexOf('\\') < 0) {
            return component;
        }
        StringBuilder out = new StringBuilder(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\' && i + 1 < component.length()) {
                c = component.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
