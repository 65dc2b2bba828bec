package io.quarry.cli;

import java.io.PrintStream;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code quarry help [command]}: the list of commands, or one command's usage. */
final class HelpCommand implements Command {
    private final CommandRegistry registry;

    HelpCommand(CommandRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "List the commands, or show one command's usage";
    }

    @Override
    public String usage() {
        return "Usage: quarry help [command]";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws UsageException {
        if (args.isEmpty()) {
            printGeneralHelp(context.io().out());
            return ExitCodes.OK;
        }
        if (args.size() > 1) {
            throw new UsageException("expected at most one command name, got " + args);
        }
        Command command = registry.find(args.get(0));
        if (command == null) {
            throw new UsageException("unknown command '" + args.get(0) + "'" + registry.suggestion(args.get(0)));
        }
        context.io().out().println(command.usage());
        return ExitCodes.OK;
    }

    void printGeneralHelp(PrintStream out) {
        out.println("Usage: " + Quarry.GENERIC_USAGE);
        out.println();
        out.println("Generic options (before the command or right after its name):");
        out.println("  --conf DIR           configuration directory (default $QUARRY_CONF_DIR, else $QUARRY_HOME/conf)");
        out.println("  -Dkey=value          set a configuration value, e.g. -Ddfs.replication=2");
        out.println();
        out.println("Commands:");
        for (Command command : registry.all()) {
            if (!command.hidden()) {
                out.printf("  %-10s %s%n", command.name(), command.summary());
            }
        }
        out.println();
        out.println("Run 'quarry <command> --help' for a command's options.");
        out.println("Exit codes: 0 success, 1 failure, 2 bad usage.");
    }
}
