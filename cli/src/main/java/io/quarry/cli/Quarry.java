package io.quarry.cli;

import java.util.ArrayList;
import java.util.List;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.ConfigValidator;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;
import io.quarry.common.lifecycle.DaemonArgs;
import io.quarry.cli.local.LocalClientConf;

import static java.util.Objects.requireNonNull;

/**
 * The {@code quarry} command: {@code quarry [--conf DIR] [-Dkey=value ...] <command> [args]}.
 * {@link #run} returns the exit code so tests can run it in-process; only {@link #main} exits.
 */
public final class Quarry {
    static final int CLI_RPC_ATTEMPTS = 4;
    public static final String GENERIC_USAGE = "quarry [--conf DIR] [-Dkey=value | -D key=value ...] <command> [args]";

    private final CommandRegistry commands;
    private final CliIo io;
    private final FileSystemOpener fileSystems;

    public Quarry(CommandRegistry commands, CliIo io, FileSystemOpener fileSystems) {
        this.commands = requireNonNull(commands, "commands is null");
        this.io = requireNonNull(io, "io is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
    }

    public static void main(String[] args) {
        int code = new Quarry(CommandRegistry.standard(), CliIo.system(), FileSystemOpener.standard()).run(args);
        System.out.flush();
        System.exit(code);
    }

    public int run(String... args) {
        List<String> generic = new ArrayList<>();
        int next = takeGenericOptions(args, 0, generic);
        if (next >= args.length) {
            try {
                DaemonArgs.parse(generic.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                io.err().println("quarry: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            new HelpCommand(commands).printGeneralHelp(io.err());
            return ExitCodes.USAGE;
        }
        String name = args[next];
        if (name.equals("--help") || name.equals("-help") || name.equals("-h")) {
            name = "help";
        } else if (name.equals("--version")) {
            name = "version";
        }
        Command command = commands.find(name);
        if (command == null) {
            io.err().println("quarry: unknown command '" + name + "'" + commands.suggestion(name));
            io.err().println("Run 'quarry help' for the list of commands.");
            return ExitCodes.USAGE;
        }
        int commandArgs = takeGenericOptions(args, next + 1, generic);
        List<String> rest = List.of(args).subList(commandArgs, args.length);
        if (rest.size() == 1 && rest.get(0).equals("--help")) {
            io.out().println(command.usage());
            return ExitCodes.OK;
        }
        CommandContext context;
        try {
            context = loadContext(generic);
        } catch (IllegalArgumentException e) {
            io.err().println("quarry: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (java.io.IOException e) {
            io.err().println("quarry: cannot read the configuration: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        return runCommand(command, context, rest);
    }

    private int runCommand(Command command, CommandContext context, List<String> rest) {
        try {
            return command.run(context, rest);
        } catch (UsageException e) {
            io.err().println(command.name() + ": " + e.getMessage());
            io.err().println(command.usage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            io.err().println(command.name() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            io.err().println(command.name() + ": " + describe(e));
            return ExitCodes.ERROR;
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    private CommandContext loadContext(List<String> generic) throws java.io.IOException {
        DaemonArgs parsed = DaemonArgs.parse(generic.toArray(String[]::new));
        Configuration conf = LocalClientConf.apply(withCliDefaults(parsed.load()));
        ConfigValidator validator = new ConfigValidator(KnownKeys.load());
        for (String problem : validator.unknownKeys(conf)) {
            io.err().println("WARNING: " + problem);
        }
        validator.checkValues(conf);
        return new CommandContext(conf, parsed.confDir(), parsed.overrides(), io, fileSystems);
    }

    /**
     * A command line should fail fast when nothing listens: 4 attempts (about 0.7 s of backoff)
     * instead of a daemon's 10, unless the user set {@code quarry.rpc.retry.max-attempts}. Daemons
     * started from the CLI get only the user's own settings.
     */
    static Configuration withCliDefaults(Configuration conf) {
        if (conf.isSet(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS)) {
            return conf;
        }
        return conf.with(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS, Integer.toString(CLI_RPC_ATTEMPTS));
    }

    /** Moves leading {@code --conf DIR} and {@code -D} options from {@code args[from..]} into {@code out}. */
    private static int takeGenericOptions(String[] args, int from, List<String> out) {
        int i = from;
        while (i < args.length) {
            String arg = args[i];
            boolean takesValue = arg.equals("--conf") || arg.equals("-conf") || arg.equals("--config") || arg.equals("-D");
            if (takesValue) {
                out.add(arg);
                if (i + 1 < args.length) {
                    out.add(args[i + 1]);
                }
                i += 2;
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                out.add(arg);
                i++;
            } else {
                break;
            }
        }
        return Math.min(i, args.length);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
