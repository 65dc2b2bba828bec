package io.quarry.cli.dfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.cli.CommandContext;
import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

import static java.util.Objects.requireNonNull;

/**
 * The state of one {@code quarry dfs} invocation: the filesystems opened so far (one per scheme
 * and authority, closed at the end), path resolution and glob expansion, and error reporting.
 */
public final class Shell implements AutoCloseable {
    private final CommandContext context;
    private final String command;
    private final Map<String, FileSystem> open = new LinkedHashMap<>();
    private boolean failed;

    public Shell(CommandContext context, String command) {
        this.context = requireNonNull(context, "context is null");
        this.command = requireNonNull(command, "command is null");
    }

    public CommandContext context() {
        return context;
    }

    public PrintStream out() {
        return context.io().out();
    }

    public String user() {
        return CommonConfigKeys.currentUser(context.conf());
    }

    /** Prints {@code <cmd>: <message>} on stderr and remembers that the command failed. */
    public void error(String message) {
        context.io().err().println(command + ": " + message);
        failed = true;
    }

    public void error(IOException e, String display) {
        error(ShellError.describe(e, display));
    }

    public boolean failed() {
        return failed;
    }

    /** The filesystem a path argument names: its scheme and authority, or {@code fs.defaultFS}. */
    public FileSystem fileSystemFor(Path path) throws IOException {
        URI uri;
        if (path.scheme() == null) {
            uri = URI.create(context.conf().getString(DfsConfigKeys.DEFAULT_FS));
        } else {
            uri = URI.create(path.scheme() + "://" + (path.authority() == null ? "" : path.authority()) + "/");
        }
        String key = uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
        FileSystem fs = open.get(key);
        if (fs == null) {
            fs = context.fileSystems().open(uri, context.conf());
            open.put(key, fs);
        }
        return fs;
    }

    /** Resolves an argument without expanding globs; the item's status is null when it does not exist. */
    public PathItem resolve(String arg) throws IOException {
        Path path = new Path(arg);
        FileSystem fs = fileSystemFor(path);
        Path qualified = fs.qualify(path);
        return new PathItem(fs, qualified, display(arg), statusOrNull(fs, qualified));
    }

    /** A local path (as put's sources and get's destination are), made absolute against the working directory. */
    public PathItem resolveLocal(String arg) throws IOException {
        if (arg.startsWith("file:")) {
            return resolve(arg);
        }
        String absolute = Paths.get(arg).toAbsolutePath().normalize().toString();
        Path path = new Path("file://" + absolute);
        FileSystem fs = fileSystemFor(path);
        return new PathItem(fs, path, arg, statusOrNull(fs, path));
    }

    /** Expands a glob; a pattern that matches nothing (or a missing plain path) is "No such file or directory". */
    public List<PathItem> expand(String arg) throws IOException {
        if (!isGlob(arg)) {
            PathItem item = resolve(arg);
            if (!item.exists()) {
                throw ShellError.notFound(arg);
            }
            return List.of(item);
        }
        Path pattern = new Path(arg);
        FileSystem fs = fileSystemFor(pattern);
        List<FileStatus> matches = fs.globStatus(pattern);
        if (matches.isEmpty()) {
            throw ShellError.notFound(arg);
        }
        List<PathItem> items = new ArrayList<>(matches.size());
        for (FileStatus match : matches) {
            items.add(new PathItem(fs, match.path(), displayOfMatch(arg, fs, match.path()), match));
        }
        return items;
    }

    /**
     * Runs {@code action} on every path each argument expands to, reporting failures per path and
     * going on with the rest, as FsShell does.
     */
    public void forEach(List<String> args, PathAction action) {
        for (String arg : args) {
            List<PathItem> items;
            try {
                items = expand(arg);
            } catch (IOException e) {
                error(e, arg);
                continue;
            }
            for (PathItem item : items) {
                try {
                    action.apply(item);
                } catch (IOException e) {
                    error(e, item.display());
                }
            }
        }
    }

    /** What to do with one path. */
    @FunctionalInterface
    public interface PathAction {
        void apply(PathItem item) throws IOException;
    }

    public static FileStatus statusOrNull(FileSystem fs, Path path) throws IOException {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    static boolean isGlob(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private static String display(String arg) {
        Path path = new Path(arg);
        return path.toString();
    }

    private static String displayOfMatch(String arg, FileSystem fs, Path match) {
        Path pattern = new Path(arg);
        if (pattern.scheme() != null) {
            return match.toString();
        }
        if (pattern.isAbsolute()) {
            return match.path();
        }
        String base = fs.qualify(new Path(".")).path();
        String prefix = base.endsWith("/") ? base : base + "/";
        return match.path().startsWith(prefix) ? match.path().substring(prefix.length()) : match.path();
    }

    @Override
    public void close() {
        for (FileSystem fs : open.values()) {
            try {
                fs.close();
            } catch (IOException e) {
                context.io().err().println(command + ": closing " + fs.uri() + ": " + e.getMessage());
            }
        }
        open.clear();
    }
}
