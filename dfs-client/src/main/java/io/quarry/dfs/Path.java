package io.quarry.dfs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A path in a filesystem: an optional scheme and authority ({@code qfs://host:port}) and an
 * absolute or relative slash-separated path. Normalized: no trailing slash (except the root),
 * no empty or {@code .} components. Immutable.
 */
public final class Path implements Comparable<Path> {
    public static final String SEPARATOR = "/";

    private final String scheme;
    private final String authority;
    private final String path;

    public Path(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Cannot make a path from an empty string");
        }
        String scheme = null;
        String authority = null;
        String rest = text;
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            scheme = text.substring(0, colon);
            rest = text.substring(colon + 1);
            if (rest.startsWith("//")) {
                int end = rest.indexOf('/', 2);
                authority = end < 0 ? rest.substring(2) : rest.substring(2, end);
                rest = end < 0 ? "/" : rest.substring(end);
            }
        }
        this.scheme = scheme;
        this.authority = authority == null || authority.isEmpty() ? null : authority;
        this.path = normalize(rest);
    }

    public Path(Path parent, String child) {
        this(parent.scheme, parent.authority, join(parent.path, child));
    }

    public Path(Path parent, Path child) {
        this(child.isAbsolute() || child.scheme != null ? child.scheme : parent.scheme,
                child.isAbsolute() || child.scheme != null ? child.authority : parent.authority,
                child.isAbsolute() || child.scheme != null ? child.path : join(parent.path, child.path));
    }

    private Path(String scheme, String authority, String path) {
        this.scheme = scheme;
        this.authority = authority;
        this.path = normalize(path);
    }

    public static Path of(URI uri) {
        return new Path(uri.getScheme(), uri.getAuthority(), uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath());
    }

    private static String join(String parent, String child) {
        if (child.startsWith(SEPARATOR)) {
            return child;
        }
        return parent.endsWith(SEPARATOR) ? parent + child : parent + SEPARATOR + child;
    }

    private static String normalize(String raw) {
        if (raw.isEmpty()) {
            return ".";
        }
        boolean absolute = raw.startsWith(SEPARATOR);
        StringBuilder out = new StringBuilder(raw.length());
        if (absolute) {
            out.append('/');
        }
        for (String part : raw.split("/+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '/') {
                out.append('/');
            }
            out.append(part);
        }
        if (out.length() == 0) {
            return ".";
        }
        return out.toString();
    }

    public String scheme() {
        return scheme;
    }

    public String authority() {
        return authority;
    }

    /** The path part alone, e.g. {@code /user/alice/logs}. */
    public String path() {
        return path;
    }

    public boolean isAbsolute() {
        return path.startsWith(SEPARATOR);
    }

    public boolean isRoot() {
        return path.equals(SEPARATOR);
    }

    /** The last component; empty for the root. */
    public String name() {
        if (isRoot()) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    /** The parent, or null for the root and for a single relative component. */
    public Path parent() {
        if (isRoot()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        return new Path(scheme, authority, slash == 0 ? SEPARATOR : path.substring(0, slash));
    }

    public Path child(String name) {
        return new Path(this, name);
    }

    /** This path made absolute against a working directory, and qualified with its scheme and authority. */
    public Path makeQualified(URI fsUri, Path workingDirectory) {
        Path absolute = isAbsolute() ? this : new Path(workingDirectory, this);
        String qualifiedScheme = absolute.scheme != null ? absolute.scheme : fsUri.getScheme();
        String qualifiedAuthority = absolute.authority != null ? absolute.authority : fsUri.getAuthority();
        return new Path(qualifiedScheme, qualifiedAuthority, absolute.path);
    }

    /** Components of the path part, e.g. ["user", "alice"] for /user/alice. */
    public String[] components() {
        String trimmed = path.startsWith(SEPARATOR) ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    public int depth() {
        return components().length;
    }

    public URI toUri() {
        try {
            return new URI(scheme, authority, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Path " + this + " is not a valid URI: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Path that)) {
            return false;
        }
        return Objects.equals(scheme, that.scheme) && Objects.equals(authority, that.authority) && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, authority, path);
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        if (scheme == null) {
            return path;
        }
        return scheme + ":" + (authority == null ? (path.startsWith("/") ? "//" : "") : "//" + authority) + path;
    }
}
