package io.quarry.cli.sql;

import io.quarry.cli.CliIo;
import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.common.conf.Configuration;
import io.quarry.sql.plan.QueryPlanner;
import io.quarry.sql.session.SqlSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code quarry sql}: HiveQL against the catalog, run as MapReduce jobs. Interactive with no -e or -f
 * (line editing and history on a terminal; statements read from standard input otherwise).
 */
public final class SqlCommand implements Command {
    static final String HISTORY_FILE = ".quarry_sql_history";

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String summary() {
        return "Run HiveQL statements (interactive shell, -e or -f)";
    }

    @Override
    public String usage() {
        return """
                Usage: quarry [--conf DIR] [-Dkey=value ...] sql [options]
                  (no -e or -f)              interactive shell: statements end with ';', 'quit;' leaves;
                                             history in ~/%s
                  -e "<statements>"          run the statements and exit
                  -f <file.sql>              run the statements of a file and exit
                  -i <file.sql>              run a file first (repeatable), then go on
                  --output table|tsv|csv     how rows are printed (default table; NULL prints as NULL)
                  --header                   print a header line in tsv and csv output
                  -d, --define name=value    define a variable, used as ${name} or ${hivevar:name}
                  --hivevar name=value       the same
                  --hiveconf key=value       set a configuration key for this session
                  -S, --silent               no progress, row counts or timings on stderr
                  --force                    with -e/-f, go on after a failed statement
                Also substituted: ${env:NAME} (environment), ${system:name} (JVM property), ${hiveconf:key}.
                In the shell: SET hivevar:name=value; SOURCE file.sql; quit; exit;
                Rows go to stdout; progress per stage, 'N rows selected (T seconds)', 'OK (T seconds)' and
                errors (with line and column) to stderr. With -e or -f the first failed statement ends the
                run with exit code 1.""".formatted(HISTORY_FILE);
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        SqlOptions options = SqlOptions.parse(args);
        if (options.execute() == null && options.file() == null) {
            // while the user types the first statement (a script's first query would only compete with it)
            QueryPlanner.warmUpInBackground();
        }
        Configuration conf = context.conf().withAll(options.confOverrides());
        CliIo io = context.io();
        Map<String, String> variables = new LinkedHashMap<>(options.variables());
        VariableSubstitution substitution = new VariableSubstitution(variables, System::getenv, conf::get);
        try (SqlSession session = new SqlSession(conf)) {
            SqlShell shell = new SqlShell(session::execute, variables, substitution,
                    new ResultPrinter(options.output(), options.header()), io.out(), io.err(), System::nanoTime,
                    options.silent());
            for (String init : options.initFiles()) {
                if (shell.runScript(read(init), init, options.force()) != SqlShell.Outcome.OK) {
                    return ExitCodes.ERROR;
                }
            }
            if (options.execute() != null) {
                return exitCode(shell.runScript(options.execute(), "-e", options.force()));
            }
            if (options.file() != null) {
                return exitCode(shell.runScript(read(options.file()), options.file(), options.force()));
            }
            try (LineSource lines = lineSource(io)) {
                shell.interactive(lines);
            }
            return ExitCodes.OK;
        }
    }

    private static int exitCode(SqlShell.Outcome outcome) {
        return outcome == SqlShell.Outcome.FAILED ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private static String read(String file) throws IOException, UsageException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
    }

    /** JLine on the process's own terminal; plain lines from any other input (a pipe, a test). */
    private static LineSource lineSource(CliIo io) throws IOException {
        if (io.in() == System.in && System.console() != null) {
            return TerminalLineSource.open(Path.of(System.getProperty("user.home"), HISTORY_FILE));
        }
        return new StreamLineSource(new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)));
    }
}
