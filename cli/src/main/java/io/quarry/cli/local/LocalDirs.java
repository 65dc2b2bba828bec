package io.quarry.cli.local;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.dfs.DfsConfigKeys;

import static java.util.Objects.requireNonNull;

/**
 * The layout of a local cluster's directory: {@code name/} (NameNode), {@code data/dn<i>/}
 * (DataNodes), {@code worker/} (the Worker's job files and map outputs), {@code logs/local.log}, {@code local.pid} and {@code local.properties} (its
 * addresses, written once it is ready).
 */
public record LocalDirs(Path base) {
    public LocalDirs {
        requireNonNull(base, "base is null");
        base = base.toAbsolutePath().normalize();
    }

    /** {@code <quarry.tmp.dir>/local}, where quarry.tmp.dir defaults to {@code <java.io.tmpdir>/quarry-<user>}. */
    public static LocalDirs defaults(Configuration conf) {
        String tmp = conf.getString(DfsConfigKeys.TMP_DIR);
        Path root = tmp != null && !tmp.isBlank()
                ? Paths.get(tmp)
                : Paths.get(System.getProperty("java.io.tmpdir"), "quarry-" + CommonConfigKeys.currentUser(conf));
        return new LocalDirs(root.resolve("local"));
    }

    public Path nameDir() {
        return base.resolve("name");
    }

    /** The second NameNode's name directory ({@code --ha}). */
    public Path secondNameDir() {
        return base.resolve("name-2");
    }

    public Path dataDir(int index) {
        return base.resolve("data").resolve("dn" + index);
    }

    /** The Worker's local directory: job jars and map outputs. */
    public Path workerDir() {
        return base.resolve("worker");
    }

    public Path logDir() {
        return base.resolve("logs");
    }

    public Path logFile() {
        return logDir().resolve("local.log");
    }

    public Path pidFile() {
        return base.resolve("local.pid");
    }

    public Path stateFile() {
        return base.resolve("local.properties");
    }
}
