package io.quarry.dfs;

import java.io.IOException;
import java.net.URI;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.client.QfsFileSystem;
import io.quarry.dfs.local.LocalFileSystem;

/**
 * Opens a filesystem by the scheme of its URI: {@code qfs} for QFS, {@code file} for the local
 * disk. Each call returns a new instance that the caller closes.
 */
final class FileSystems {
    static final String QFS = "qfs";
    static final String FILE = "file";

    private FileSystems() {
    }

    static FileSystem open(URI uri, Configuration conf) throws IOException {
        String scheme = uri.getScheme();
        if (scheme == null) {
            URI defaultFs = URI.create(conf.getString(DfsConfigKeys.DEFAULT_FS));
            if (defaultFs.getScheme() == null) {
                throw new IOException("fs.defaultFS '" + defaultFs + "' has no scheme: expected qfs://host:port or file:///");
            }
            return open(defaultFs, conf);
        }
        switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
            case QFS:
                return QfsFileSystem.connect(uri, conf);
            case FILE:
                return new LocalFileSystem(conf);
            default:
                throw new IOException("No filesystem for scheme '" + scheme + "' in " + uri + ": expected qfs or file");
        }
    }
}
