package io.quarry.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.dfs.protocol.ContentSummary;

/**
 * A hand-written filesystem kept in memory, with QFS's error codes, for testing the shell's
 * parsing, output layout and messages without a cluster. Times come from a counter, so output is
 * deterministic. Replication changes take effect at once, so {@code setrep -w} returns. Safe for
 * one writer thread and concurrent readers (tail -f).
 */
public final class InMemoryFileSystem extends FileSystem {
    private static final class Node {
        final boolean directory;
        byte[] data = new byte[0];
        short replication = 3;
        short permission;
        String owner;
        String group = "supergroup";
        long modificationTime;

        Node(boolean directory, short permission, String owner, long time) {
            this.directory = directory;
            this.permission = permission;
            this.owner = owner;
            this.modificationTime = time;
        }
    }

    public static final long BLOCK_SIZE = 128L * 1024 * 1024;

    private final URI uri;
    private final String user;
    private final Map<String, Node> nodes = new ConcurrentSkipListMap<>();
    private final AtomicLong clock;

    public InMemoryFileSystem(URI uri, String user, long startMillis) {
        this.uri = uri;
        this.user = user;
        this.clock = new AtomicLong(startMillis);
        nodes.put("/", new Node(true, (short) 0755, "root", clock.get()));
    }

    /** Creates a directory with its parents, owned by {@code owner}; for setting up tests. */
    public void mkdirsAs(String path, String owner) {
        String current = "";
        for (String part : new Path(path).components()) {
            current = current + "/" + part;
            nodes.putIfAbsent(current, new Node(true, (short) 0755, owner, clock.get()));
        }
    }

    public void writeFile(String path, String content) throws IOException {
        try (OutputStream out = create(new Path(path), true)) {
            out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Path workingDirectory() {
        return new Path(uri.getScheme().equals("file") ? "/" : "/user/" + user);
    }

    private String key(Path path) {
        return qualify(path).path();
    }

    private Node node(Path path) throws FileNotFoundException {
        Node node = nodes.get(key(path));
        if (node == null) {
            throw new FileNotFoundException("File does not exist: " + key(path));
        }
        return node;
    }

    private FileStatus status(String key, Node node) {
        Path path = new Path(uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + key);
        return new FileStatus(path, node.directory, node.data.length, node.directory ? 0 : node.replication,
                node.directory ? 0 : BLOCK_SIZE, node.modificationTime, node.modificationTime, node.owner, node.group,
                node.permission);
    }

    @Override
    public InputStream open(Path path) throws IOException {
        Node node = node(path);
        if (node.directory) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, key(path) + " is a directory");
        }
        return new ByteArrayInputStream(node.data);
    }

    @Override
    public SeekableInputStream openSeekable(Path path) throws IOException {
        byte[] data = node(path).data;
        return new SeekableInputStream() {
            private int position;

            @Override
            public void seek(long target) {
                position = (int) target;
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public long length() {
                return data.length;
            }

            @Override
            public int read() {
                return position < data.length ? data[position++] & 0xff : -1;
            }
        };
    }

    @Override
    public OutputStream create(Path path, CreateOptions options) throws IOException {
        String key = key(path);
        Node existing = nodes.get(key);
        if (existing != null && (existing.directory || !options.overwrite())) {
            throw new QuarryException(existing.directory ? ErrorCode.IS_A_DIRECTORY : ErrorCode.FILE_ALREADY_EXISTS, key + " exists");
        }
        Path parent = new Path(key).parent();
        Node parentNode = nodes.get(parent.path());
        if (parentNode == null) {
            mkdirs(parent);
        } else if (!parentNode.directory) {
            throw new QuarryException(ErrorCode.PARENT_NOT_DIRECTORY, parent.path() + " is not a directory");
        }
        Node node = new Node(false, (short) 0644, user, clock.incrementAndGet());
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                node.data = toByteArray();
                nodes.put(key, node);
            }
        };
    }

    @Override
    public boolean mkdirs(Path path, short permission) throws IOException {
        String current = "";
        for (String part : new Path(key(path)).components()) {
            current = current + "/" + part;
            Node node = nodes.get(current);
            if (node == null) {
                nodes.put(current, new Node(true, (short) 0755, user, clock.incrementAndGet()));
            } else if (!node.directory) {
                throw new QuarryException(ErrorCode.PARENT_NOT_DIRECTORY, current + " is not a directory");
            }
        }
        return true;
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return status(key(path), node(path));
    }

    @Override
    public List<FileStatus> listStatus(Path path) throws IOException {
        String key = key(path);
        Node node = node(path);
        if (!node.directory) {
            return List.of(status(key, node));
        }
        String prefix = key.equals("/") ? "/" : key + "/";
        List<FileStatus> children = new ArrayList<>();
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            String candidate = entry.getKey();
            if (candidate.startsWith(prefix) && candidate.length() > prefix.length() && candidate.indexOf('/', prefix.length()) < 0) {
                children.add(status(candidate, entry.getValue()));
            }
        }
        return children;
    }

    @Override
    public void rename(Path src, Path dst) throws IOException {
        String from = key(src);
        node(src);
        String to = key(dst);
        if (nodes.containsKey(to)) {
            throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, to + " exists");
        }
        Map<String, Node> moved = new TreeMap<>();
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            if (entry.getKey().equals(from) || entry.getKey().startsWith(from + "/")) {
                moved.put(to + entry.getKey().substring(from.length()), entry.getValue());
            }
        }
        nodes.keySet().removeIf(k -> k.equals(from) || k.startsWith(from + "/"));
        nodes.putAll(moved);
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        String key = key(path);
        Node node = nodes.get(key);
        if (node == null) {
            return false;
        }
        if (node.directory && !recursive && !listStatus(path).isEmpty()) {
            throw new QuarryException(ErrorCode.DIRECTORY_NOT_EMPTY, key + " is not empty");
        }
        nodes.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + "/"));
        return true;
    }

    @Override
    public void setReplication(Path path, short replication) throws IOException {
        node(path).replication = replication;
    }

    @Override
    public void setPermission(Path path, short permission) throws IOException {
        node(path).permission = permission;
    }

    @Override
    public void setOwner(Path path, String owner, String group) throws IOException {
        Node node = node(path);
        if (owner != null) {
            node.owner = owner;
        }
        if (group != null) {
            node.group = group;
        }
    }

    @Override
    public ContentSummary getContentSummary(Path path) throws IOException {
        String key = key(path);
        node(path);
        long length = 0;
        long files = 0;
        long directories = 0;
        long consumed = 0;
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            if (entry.getKey().equals(key) || entry.getKey().startsWith(key.equals("/") ? "/" : key + "/")) {
                Node node = entry.getValue();
                if (node.directory) {
                    directories++;
                } else {
                    files++;
                    length += node.data.length;
                    consumed += (long) node.data.length * node.replication;
                }
            }
        }
        return new ContentSummary(length, files, directories, consumed);
    }

    @Override
    public List<BlockLocation> getFileBlockLocations(Path path, long start, long length) throws IOException {
        Node node = node(path);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < node.replication; i++) {
            hosts.add("127.0.0." + (i + 1));
        }
        return List.of(new BlockLocation(0, node.data.length, hosts, hosts.stream().map(h -> "/default-rack").toList()));
    }

    @Override
    public List<FileStatus> globStatus(Path pattern) throws IOException {
        String glob = key(pattern);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<FileStatus> matches = new ArrayList<>();
        for (Map.Entry<String, Node> entry : nodes.entrySet()) {
            if (matcher.matches(java.nio.file.Paths.get(entry.getKey()))) {
                matches.add(status(entry.getKey(), entry.getValue()));
            }
        }
        return matches;
    }

    @Override
    public void close() {
    }
}
