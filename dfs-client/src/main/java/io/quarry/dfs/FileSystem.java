package io.quarry.dfs;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.protocol.ContentSummary;

/**
 * A filesystem that Quarry reads and writes: QFS ({@code qfs://namenode:port/path}) or the local
 * disk ({@code file:///path}). The operations and their failure modes follow Hadoop's
 * {@code FileSystem}: a missing path throws {@link FileNotFoundException}, other refusals throw
 * {@link io.quarry.common.error.QuarryException} with a code.
 */
public abstract class FileSystem implements Closeable {
    /** Opens the filesystem named by {@code fs.defaultFS}. */
    public static FileSystem get(Configuration conf) throws IOException {
        return get(URI.create(conf.getString(DfsConfigKeys.DEFAULT_FS)), conf);
    }

    /** Opens the filesystem of a URI's scheme: {@code qfs} or {@code file}. */
    public static FileSystem get(URI uri, Configuration conf) throws IOException {
        return FileSystems.open(uri, conf);
    }

    /** Opens the filesystem a path belongs to, defaulting to {@code fs.defaultFS} for paths without a scheme. */
    public static FileSystem get(Path path, Configuration conf) throws IOException {
        if (path.scheme() == null) {
            return get(conf);
        }
        return get(path.toUri(), conf);
    }

    /** {@code qfs://host:port} or {@code file:///}. */
    public abstract URI uri();

    public abstract InputStream open(Path path) throws IOException;

    /** Opens a file for positioned reading: reads may seek. */
    public abstract SeekableInputStream openSeekable(Path path) throws IOException;

    /** Creates a file with the filesystem's default replication and block size. */
    public OutputStream create(Path path, boolean overwrite) throws IOException {
        return create(path, CreateOptions.defaults().withOverwrite(overwrite));
    }

    /**
     * Creates a file; the bytes are durable when {@code close()} returns. Missing parent
     * directories are created unless the options say otherwise.
     */
    public abstract OutputStream create(Path path, CreateOptions options) throws IOException;

    /** Creates a directory and any missing parents; true if it exists afterwards. */
    public abstract boolean mkdirs(Path path, short permission) throws IOException;

    public boolean mkdirs(Path path) throws IOException {
        return mkdirs(path, Permissions.DEFAULT_DIRECTORY);
    }

    /** @throws FileNotFoundException when the path does not exist */
    public abstract FileStatus getFileStatus(Path path) throws IOException;

    /** The entries of a directory in name order, or the file itself when {@code path} is a file. */
    public abstract List<FileStatus> listStatus(Path path) throws IOException;

    /**
     * Renames atomically. When {@code dst} is an existing directory the source moves into it.
     * Errors (missing source, existing destination file, rename into own subtree) throw.
     */
    public abstract void rename(Path src, Path dst) throws IOException;

    /** Deletes a file or directory; false when there was nothing to delete. */
    public abstract boolean delete(Path path, boolean recursive) throws IOException;

    public boolean exists(Path path) throws IOException {
        try {
            getFileStatus(path);
            return true;
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    public abstract void setReplication(Path path, short replication) throws IOException;

    public abstract void setPermission(Path path, short permission) throws IOException;

    public abstract void setOwner(Path path, String owner, String group) throws IOException;

    public abstract ContentSummary getContentSummary(Path path) throws IOException;

    /** Where each block overlapping [start, start + length) of a file is stored. */
    public abstract List<BlockLocation> getFileBlockLocations(Path path, long start, long length) throws IOException;

    /** The working directory relative paths are resolved against. */
    public abstract Path workingDirectory();

    /** The path made absolute and qualified with this filesystem's scheme and authority. */
    public Path qualify(Path path) {
        return path.makeQualified(uri(), workingDirectory());
    }

    /** Expands a glob ({@code *}, {@code ?}, {@code [abc]}, {@code {a,b}}) into the matching paths, sorted. */
    public List<FileStatus> globStatus(Path pattern) throws IOException {
        return Globber.expand(this, qualify(pattern));
    }

    /** Every file (not directory) under a path, depth first in name order. */
    public List<FileStatus> listFilesRecursive(Path path) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        collectFiles(getFileStatus(path), files);
        return files;
    }

    private void collectFiles(FileStatus status, List<FileStatus> out) throws IOException {
        if (status.isFile()) {
            out.add(status);
            return;
        }
        for (FileStatus child : listStatus(status.path())) {
            collectFiles(child, out);
        }
    }
}
