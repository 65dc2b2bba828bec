package io.quarry.scheduler.client;

import static java.util.Objects.requireNonNull;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted job's directory in the cluster's filesystem,
 * {@code <mapreduce.jobtracker.staging.root.dir>/<user>/<unique name>}: the job jar as
 * {@value #JAR_NAME}, which the workers copy, and the submitted configuration as {@value #CONF_NAME}
 * for the record. Every path it hands out is fully qualified ({@code qfs://host:port/...}) so any
 * worker reads the same file.
 */
final class StagingDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(StagingDirectory.class);
    static final String JAR_NAME = "job.jar";
    static final String CONF_NAME = "job.conf";

    private final Path dir;
    private final Configuration conf;

    private StagingDirectory(Path dir, Configuration conf) {
        this.dir = requireNonNull(dir, "dir is null");
        this.conf = requireNonNull(conf, "conf is null");
    }

    /** Creates a new, empty staging directory for a job of {@code user}. */
    static StagingDirectory create(Configuration conf, String user, long nowMillis) throws IOException {
        Path root = new Path(conf.getString(ClusterClientConfigKeys.STAGING_ROOT));
        String name = "job-" + nowMillis + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        try (FileSystem fs = FileSystem.get(root, conf)) {
            Path dir = fs.qualify(new Path(new Path(root, user), name));
            if (fs.exists(dir)) {
                throw new IOException("Staging directory " + dir + " already exists; not reusing it for a new job");
            }
            if (!fs.mkdirs(dir)) {
                throw new IOException("mkdirs of " + dir + " failed");
            }
            return new StagingDirectory(dir, conf);
        } catch (IOException e) {
            throw new IOException("Could not stage the job under " + root + " (" + ClusterClientConfigKeys.STAGING_ROOT.name()
                    + "): " + e.getMessage(), e);
        }
    }

    /** The qualified directory. */
    Path path() {
        return dir;
    }

    /** Copies the local job jar in as {@value #JAR_NAME}; returns its qualified path. */
    Path stageJar(java.nio.file.Path localJar) throws IOException {
        Path target = new Path(dir, JAR_NAME);
        try (FileSystem fs = FileSystem.get(target, conf);
             InputStream in = Files.newInputStream(localJar);
             OutputStream out = fs.create(target, false)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IOException("Could not copy the job jar " + localJar + " to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Writes the submitted configuration as a sorted properties file, {@value #CONF_NAME}; returns its qualified path. */
    Path writeConf(Map<String, String> values, String header) throws IOException {
        Path target = new Path(dir, CONF_NAME);
        try (FileSystem fs = FileSystem.get(target, conf);
             Writer out = new java.io.OutputStreamWriter(fs.create(target, false), StandardCharsets.UTF_8)) {
            out.write("# " + header.replace('\n', ' ') + "\n");
            for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
                out.write(PropertiesText.escape(entry.getKey(), true) + "=" + PropertiesText.escape(entry.getValue(), false) + "\n");
            }
        } catch (IOException e) {
            throw new IOException("Could not write the job configuration to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Removes the directory and everything in it; a failure is logged, as the job's outcome does not depend on it. */
    boolean delete() {
        try (FileSystem fs = FileSystem.get(dir, conf)) {
            fs.delete(dir, true);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the staging directory {}: {}", dir, e.toString());
            return false;
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
