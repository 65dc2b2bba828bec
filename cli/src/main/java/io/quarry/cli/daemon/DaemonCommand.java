package io.quarry.cli.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.UsageException;
import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.dfs.datanode.DataNode;
import io.quarry.dfs.namenode.NameNode;

import static java.util.Objects.requireNonNull;

/**
 * {@code quarry namenode} and {@code quarry datanode}: run one daemon in the foreground of this
 * JVM until SIGTERM or Ctrl-C, through {@link DaemonRunner} (which prints the READY line).
 */
public final class DaemonCommand implements Command {
    private final String role;
    private final String summary;
    private final DaemonRunner.Starter starter;

    public DaemonCommand(String role, String summary, DaemonRunner.Starter starter) {
        this.role = requireNonNull(role, "role is null");
        this.summary = requireNonNull(summary, "summary is null");
        this.starter = requireNonNull(starter, "starter is null");
    }

    public static DaemonCommand nameNode() {
        return new DaemonCommand("namenode", "Run a QFS NameNode in the foreground", NameNode::start);
    }

    public static DaemonCommand dataNode() {
        return new DaemonCommand("datanode", "Run a QFS DataNode in the foreground", DataNode::start);
    }

    @Override
    public String name() {
        return role;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String usage() {
        return "Usage: quarry [--conf DIR] [-Dkey=value ...] " + role + "\n"
                + "  " + summary + " until it receives SIGTERM or Ctrl-C. Its addresses and directories come\n"
                + "  from the configuration (see conf/quarry-site.properties). Once it serves, it prints\n"
                + "  a line starting with '" + DaemonRunner.READY_PREFIX.trim() + "' on standard output.";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments besides generic options, got " + args);
        }
        return DaemonRunner.run(role, daemonArgs(context), starter);
    }

    /** The generic options again, so DaemonRunner loads exactly the configuration the CLI saw. */
    private static String[] daemonArgs(CommandContext context) {
        List<String> out = new ArrayList<>();
        if (context.confDir() != null) {
            out.add("--conf");
            out.add(context.confDir().toString());
        }
        for (Map.Entry<String, String> override : context.overrides().entrySet()) {
            out.add("-D" + override.getKey() + "=" + override.getValue());
        }
        return out.toArray(String[]::new);
    }
}
