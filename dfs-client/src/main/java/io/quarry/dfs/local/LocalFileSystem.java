package io.quarry.dfs.local;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.dfs.Permissions;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.dfs.protocol.ContentSummary;

/**
 * The local disk as a {@link FileSystem} ({@code file:///}), with the same semantics and
 * exceptions as QFS: replication is reported as 1 and the block size is {@code dfs.blocksize},
 * so input splits are computed the same way as on the cluster.
 */
public final class LocalFileSystem extends FileSystem {
    private static final URI URI_ROOT = URI.create("file:///");

    private final long blockSize;
    private final short umask;
    private final Path workingDirectory;

    public LocalFileSystem(Configuration conf) {
        requireNonNull(conf, "conf is null");
        this.blockSize = conf.getSize(DfsConfigKeys.BLOCK_SIZE);
        this.umask = Permissions.parseOctal(conf.getString(DfsConfigKeys.UMASK));
        this.workingDirectory = new Path("file://" + java.nio.file.Path.of("").toAbsolutePath().toString().replace('\\', '/'));
    }

    @Override
    public URI uri() {
        return URI_ROOT;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The local file a path names. */
    public java.nio.file.Path toLocal(Path path) {
        Path qualified = qualify(path);
        if (!"file".equals(qualified.scheme())) {
            throw new IllegalArgumentException("Path " + path + " is not a local path (expected file:///...)");
        }
        return java.nio.file.Path.of(qualified.path());
    }

    private Path fromLocal(java.nio.file.Path local) {
        return new Path("file://" + local.toAbsolutePath().toString().replace('\\', '/'));
    }

    @Override
    public InputStream open(Path path) throws IOException {
        return openSeekable(path);
    }

    @Override
    public SeekableInputStream openSeekable(Path path) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (Files.isDirectory(local)) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, "Cannot open " + path + ": it is a directory");
        }
        try {
            return new LocalInputStream(local);
        } catch (NoSuchFileException e) {
            throw notFound(path);
        }
    }

    @Override
    public OutputStream create(Path path, CreateOptions options) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (Files.isDirectory(local)) {
            throw new QuarryException(ErrorCode.IS_A_DIRECTORY, "Cannot create " + path + ": it is a directory");
        }
        if (Files.exists(local) && !options.overwrite()) {
            throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "Cannot create " + path + ": it already exists");
        }
        java.nio.file.Path parent = local.getParent();
        if (parent != null) {
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new QuarryException(ErrorCode.PARENT_NOT_DIRECTORY, "Cannot create " + path + ": parent " + parent + " is a file");
            }
            if (!Files.exists(parent)) {
                if (!options.createParent()) {
                    throw new FileNotFoundException("Cannot create " + path + ": parent directory " + parent + " does not exist");
                }
                mkdirs(fromLocal(parent));
            }
        }
        OutputStream out = new LocalOutputStream(local);
        setPosixPermissions(local, Permissions.applyUmask(options.permission(), umask));
        return out;
    }

    @Override
    public boolean mkdirs(Path path, short permission) throws IOException {
        java.nio.file.Path local = toLocal(path);
        List<java.nio.file.Path> created = new ArrayList<>();
        for (java.nio.file.Path current = local; current != null; current = current.getParent()) {
            if (Files.isDirectory(current)) {
                break;
            }
            if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new QuarryException(current.equals(local) ? ErrorCode.FILE_ALREADY_EXISTS : ErrorCode.PARENT_NOT_DIRECTORY,
                        "Cannot create directory " + path + ": " + current + " is a file");
            }
            created.add(0, current);
        }
        short mode = Permissions.applyUmask(permission, umask);
        for (java.nio.file.Path directory : created) {
            try {
                Files.createDirectory(directory);
                setPosixPermissions(directory, mode);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(directory)) {
                    throw new QuarryException(ErrorCode.PARENT_NOT_DIRECTORY, "Cannot create directory " + path + ": " + directory + " is a file");
                }
            }
        }
        return true;
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        java.nio.file.Path local = toLocal(path);
        try {
            return status(local);
        } catch (NoSuchFileException e) {
            throw notFound(path);
        }
    }

    private FileStatus status(java.nio.file.Path local) throws IOException {
        Path qualified = fromLocal(local);
        PosixFileAttributeView posix = Files.getFileAttributeView(local, PosixFileAttributeView.class);
        if (posix != null) {
            PosixFileAttributes attributes = posix.readAttributes();
            return new FileStatus(qualified, attributes.isDirectory(), attributes.isDirectory() ? 0 : attributes.size(), (short) 1,
                    blockSize, attributes.lastModifiedTime().toMillis(), attributes.lastAccessTime().toMillis(),
                    attributes.owner().getName(), attributes.group().getName(), toMode(attributes.permissions()));
        }
        var attributes = Files.readAttributes(local, java.nio.file.attribute.BasicFileAttributes.class);
        String owner = Files.getOwner(local).getName();
        return new FileStatus(qualified, attributes.isDirectory(), attributes.isDirectory() ? 0 : attributes.size(), (short) 1,
                blockSize, attributes.lastModifiedTime().toMillis(), attributes.lastAccessTime().toMillis(), owner, owner,
                attributes.isDirectory() ? Permissions.DEFAULT_DIRECTORY : (short) 0644);
    }

    @Override
    public List<FileStatus> listStatus(Path path) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (!Files.exists(local)) {
            throw notFound(path);
        }
        if (!Files.isDirectory(local)) {
            return List.of(status(local));
        }
        List<FileStatus> result = new ArrayList<>();
        try (Stream<java.nio.file.Path> entries = Files.list(local)) {
            for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) entries.sorted(Comparator.comparing(p -> p.getFileName().toString()))::iterator) {
                try {
                    result.add(status(entry));
                } catch (NoSuchFileException e) {
                    // deleted while listing
                }
            }
        }
        return result;
    }

    @Override
    public void rename(Path src, Path dst) throws IOException {
        java.nio.file.Path from = toLocal(src);
        java.nio.file.Path to = toLocal(dst);
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(src);
        }
        if (Files.isDirectory(to)) {
            to = to.resolve(from.getFileName());
        }
        if (from.equals(to)) {
            return;
        }
        if (to.startsWith(from)) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Cannot rename " + src + " to " + dst + ": a directory cannot move into its own subtree");
        }
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new QuarryException(ErrorCode.FILE_ALREADY_EXISTS, "Cannot rename " + src + " to " + dst + ": " + fromLocal(to) + " already exists");
        }
        java.nio.file.Path parent = to.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (Files.exists(parent)) {
                throw new QuarryException(ErrorCode.PARENT_NOT_DIRECTORY, "Cannot rename " + src + " to " + dst + ": parent " + parent + " is a file");
            }
            throw new FileNotFoundException("Cannot rename " + src + " to " + dst + ": parent directory " + fromLocal(parent) + " does not exist");
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) {
            if (!recursive) {
                try {
                    Files.delete(local);
                    return true;
                } catch (DirectoryNotEmptyException e) {
                    throw new QuarryException(ErrorCode.DIRECTORY_NOT_EMPTY, "Cannot delete " + path + ": directory is not empty (use recursive)");
                }
            }
            try (Stream<java.nio.file.Path> tree = Files.walk(local)) {
                for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(entry);
                }
            }
            return true;
        }
        return Files.deleteIfExists(local);
    }

    @Override
    public void setReplication(Path path, short replication) throws IOException {
        getFileStatus(path);
    }

    @Override
    public void setPermission(Path path, short permission) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (!Files.exists(local)) {
            throw notFound(path);
        }
        setPosixPermissions(local, permission);
    }

    @Override
    public void setOwner(Path path, String owner, String group) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (!Files.exists(local)) {
            throw notFound(path);
        }
        UserPrincipalLookupService lookup = local.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView posix = Files.getFileAttributeView(local, PosixFileAttributeView.class);
        if (owner != null) {
            Files.setOwner(local, lookup.lookupPrincipalByName(owner));
        }
        if (group != null && posix != null) {
            posix.setGroup(lookup.lookupPrincipalByGroupName(group));
        }
    }

    @Override
    public ContentSummary getContentSummary(Path path) throws IOException {
        java.nio.file.Path local = toLocal(path);
        if (!Files.exists(local)) {
            throw notFound(path);
        }
        long length = 0;
        long files = 0;
        long directories = 0;
        try (Stream<java.nio.file.Path> tree = Files.walk(local)) {
            for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) tree::iterator) {
                if (Files.isDirectory(entry)) {
                    directories++;
                } else {
                    files++;
                    length += Files.size(entry);
                }
            }
        }
        return new ContentSummary(length, files, directories, length);
    }

    @Override
    public List<BlockLocation> getFileBlockLocations(Path path, long start, long length) throws IOException {
        FileStatus status = getFileStatus(path);
        List<BlockLocation> locations = new ArrayList<>();
        if (status.isDirectory() || start < 0 || length <= 0) {
            return locations;
        }
        long end = Math.min(status.length(), start + length);
        for (long offset = start / blockSize * blockSize; offset < end; offset += blockSize) {
            locations.add(new BlockLocation(offset, Math.min(blockSize, status.length() - offset), List.of("localhost"),
                    List.of("/default-rack")));
        }
        return locations;
    }

    @Override
    public void close() {
    }

    private static FileNotFoundException notFound(Path path) {
        return new FileNotFoundException("File " + path + " does not exist");
    }

    private static void setPosixPermissions(java.nio.file.Path local, short mode) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(local, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(toPermissions(mode));
        }
    }

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE,
    };

    static java.util.Set<PosixFilePermission> toPermissions(short mode) {
        java.util.Set<PosixFilePermission> permissions = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(BITS[i]);
            }
        }
        return permissions;
    }

    static short toMode(java.util.Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            if (permissions.contains(BITS[i])) {
                mode |= 1 << (8 - i);
            }
        }
        return (short) mode;
    }
}
