package io.quarry.dfs.namenode.journal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The NameNode's storage directory: a VERSION file (cluster id, layout), journal segments and checkpoints. */
public final class NameDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(NameDirectory.class);
    public static final int LAYOUT_VERSION = 1;
    static final String VERSION_FILE = "VERSION";

    private final Path dir;
    private final String clusterId;

    private NameDirectory(Path dir, String clusterId) {
        this.dir = dir;
        this.clusterId = clusterId;
    }

    /** Opens the directory, formatting it first when it is empty or missing. */
    public static NameDirectory openOrFormat(Path dir, String configuredClusterId) throws IOException {
        Files.createDirectories(dir);
        Path version = dir.resolve(VERSION_FILE);
        if (!Files.exists(version)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("Name directory " + dir + " is not empty but has no " + VERSION_FILE
                            + " file; refusing to format it");
                }
            }
            String clusterId = configuredClusterId != null ? configuredClusterId : "QFS-" + UUID.randomUUID();
            Properties properties = new Properties();
            properties.setProperty("clusterId", clusterId);
            properties.setProperty("layoutVersion", Integer.toString(LAYOUT_VERSION));
            Path tmp = dir.resolve(VERSION_FILE + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(writer, "QFS NameNode storage");
            }
            Files.move(tmp, version, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Formatted name directory {} for cluster {}", dir, clusterId);
            return new NameDirectory(dir, clusterId);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(version, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String clusterId = properties.getProperty("clusterId");
        String layout = properties.getProperty("layoutVersion");
        if (clusterId == null || !Integer.toString(LAYOUT_VERSION).equals(layout)) {
            throw new IOException(version + ": expected clusterId and layoutVersion=" + LAYOUT_VERSION
                    + ", found clusterId=" + clusterId + " layoutVersion=" + layout);
        }
        if (configuredClusterId != null && !configuredClusterId.equals(clusterId)) {
            throw new IOException("Name directory " + dir + " belongs to cluster " + clusterId
                    + " but quarry.cluster.id is " + configuredClusterId);
        }
        return new NameDirectory(dir, clusterId);
    }

    public Path path() {
        return dir;
    }

    public String clusterId() {
        return clusterId;
    }
}
