package io.quarry.cli;

import java.nio.file.Path;
import java.util.Map;

import io.quarry.common.conf.Configuration;

import static java.util.Objects.requireNonNull;

/**
 * What a command runs with: the configuration (site file and {@code -D} overrides), where it came
 * from, the streams, and how to open filesystems.
 *
 * @param confDir   the configuration directory, or null when none was given
 * @param overrides the {@code -D} options, so commands that start other JVMs can pass them on
 */
public record CommandContext(Configuration conf, Path confDir, Map<String, String> overrides, CliIo io,
                             FileSystemOpener fileSystems) {
    public CommandContext {
        requireNonNull(conf, "conf is null");
        overrides = Map.copyOf(overrides);
        requireNonNull(io, "io is null");
        requireNonNull(fileSystems, "fileSystems is null");
    }
}
