package io.quarry.cli;

import java.util.List;

/**
 * One {@code quarry <name>} subcommand. A command returns its exit code: {@link ExitCodes#OK},
 * {@link ExitCodes#ERROR} or {@link ExitCodes#USAGE}; it never exits the JVM itself.
 */
public interface Command {
    /** The word typed after {@code quarry}. */
    String name();

    /** One line for {@code quarry help}. */
    String summary();

    /** The full usage text printed by {@code quarry <name> --help} and on usage errors. */
    String usage();

    /** Hidden commands work but are not listed by {@code quarry help}. */
    default boolean hidden() {
        return false;
    }

    int run(CommandContext context, List<String> args) throws Exception;
}
