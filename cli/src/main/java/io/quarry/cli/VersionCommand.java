package io.quarry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** {@code quarry version}: the Quarry version and the Java runtime. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Print the Quarry version";
    }

    @Override
    public String usage() {
        return "Usage: quarry version";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments, got " + args);
        }
        context.io().out().println("Quarry " + version());
        context.io().out().println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        return ExitCodes.OK;
    }

    /** The project version baked in at build time, or {@code unknown}. */
    public static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
