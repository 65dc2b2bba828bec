package io.quarry.cli.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.sql.session.SqlException;
import io.quarry.sql.session.StageListener;
import io.quarry.sql.session.StatementResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs statements for {@code quarry sql}: substitutes variables, sends each statement to the engine, prints
 * rows to stdout and progress, timings and errors to stderr. Handles the shell's own commands: {@code quit},
 * {@code exit}, {@code SET hivevar:name=value} and {@code SOURCE file}. A failed statement never ends the
 * shell; a script stops at its first failure unless told to keep going.
 */
final class SqlShell {
    /** Runs one statement; the engine's {@code SqlSession::execute}. */
    @FunctionalInterface
    interface StatementRunner {
        StatementResult execute(String statement, StageListener listener) throws SqlException;
    }

    enum Outcome { OK, FAILED, QUIT }

    private static final Pattern SET_HIVEVAR = Pattern.compile("(?is)set\\s+hivevar:([^=\\s]+)\\s*=(.*)");
    private static final Pattern SOURCE = Pattern.compile("(?is)source\\s+(.+)");
    private static final Pattern QUIT = Pattern.compile("(?i)quit|exit");

    private final StatementRunner runner;
    private final Map<String, String> variables;
    private final VariableSubstitution substitution;
    private final ResultPrinter printer;
    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier nanoClock;
    private final boolean silent;

    SqlShell(StatementRunner runner, Map<String, String> variables, VariableSubstitution substitution,
            ResultPrinter printer, PrintStream out, PrintStream err, LongSupplier nanoClock, boolean silent) {
        this.runner = requireNonNull(runner, "runner is null");
        this.variables = requireNonNull(variables, "variables is null");
        this.substitution = requireNonNull(substitution, "substitution is null");
        this.printer = requireNonNull(printer, "printer is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
        this.silent = silent;
    }

    /** Runs every statement of a script (-e text or a file); the last may lack its {@code ;}. */
    Outcome runScript(String script, String source, boolean keepGoing) {
        Outcome result = Outcome.OK;
        for (StatementSplitter.Piece piece : StatementSplitter.all(script)) {
            Outcome outcome = run(piece, script, source, keepGoing, false);
            if (outcome == Outcome.QUIT) {
                return result;
            }
            if (outcome == Outcome.FAILED) {
                result = Outcome.FAILED;
                if (!keepGoing) {
                    return result;
                }
            }
        }
        return result;
    }

    /** Reads statements until end of input or quit; errors are reported and the shell goes on. */
    void interactive(LineSource lines) throws IOException {
        StringBuilder buffer = new StringBuilder();
        while (true) {
            String line;
            try {
                line = lines.readLine(buffer.toString().isBlank() ? "quarry> " : "      > ");
            } catch (LineSource.Interrupted e) {
                buffer.setLength(0);
                continue;
            }
            if (line == null) {
                StatementSplitter.Split rest = StatementSplitter.split(buffer.toString());
                if (rest.rest() != null) {
                    run(rest.rest(), buffer.toString(), "input", true, lines.terminal());
                }
                return;
            }
            if (buffer.toString().isBlank() && QUIT.matcher(line.strip()).matches()) {
                return;
            }
            buffer.append(line).append('\n');
            String text = buffer.toString();
            StatementSplitter.Split split = StatementSplitter.split(text);
            for (StatementSplitter.Piece piece : split.complete()) {
                if (run(piece, text, "input", true, lines.terminal()) == Outcome.QUIT) {
                    return;
                }
            }
            buffer.setLength(0);
            if (split.rest() != null) {
                buffer.append(text, split.rest().offset(), text.length());
            }
        }
    }

    private Outcome run(StatementSplitter.Piece piece, String script, String source, boolean keepGoing,
            boolean terminal) {
        VariableSubstitution.Result sent = substitution.substitute(piece.text());
        String statement = sent.text().strip();
        if (QUIT.matcher(statement).matches()) {
            return Outcome.QUIT;
        }
        Matcher set = SET_HIVEVAR.matcher(statement);
        if (set.matches()) {
            variables.put(set.group(1), set.group(2).strip());
            return Outcome.OK;
        }
        Matcher sourceFile = SOURCE.matcher(statement);
        if (sourceFile.matches()) {
            return source(sourceFile.group(1).strip(), keepGoing);
        }
        ProgressPrinter progress = new ProgressPrinter(err, terminal);
        long start = nanoClock.getAsLong();
        try {
            StatementResult result = runner.execute(sent.text(), silent ? StageListener.NONE : progress);
            progress.finish();
            print(result, nanoClock.getAsLong() - start);
            return Outcome.OK;
        } catch (SqlException e) {
            progress.finish();
            ErrorReport.lines(e, script, source, piece, sent).forEach(err::println);
        } catch (RuntimeException e) {
            progress.finish();
            err.println("Error: internal error while running the statement: " + e);
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length > 0) {
                err.println("  at " + trace[0]);
            }
        }
        err.flush();
        return Outcome.FAILED;
    }

    private Outcome source(String file, boolean keepGoing) {
        String name = file.length() > 1 && (file.startsWith("'") || file.startsWith("\"")) ? file.substring(1, file.length() - 1) : file;
        String script;
        try {
            script = Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("Error: cannot read " + name + ": " + e.getMessage());
            return Outcome.FAILED;
        }
        return runScript(script, name, keepGoing);
    }

    private void print(StatementResult result, long nanos) {
        String seconds = String.format(Locale.ROOT, "%.3f", nanos / 1e9);
        if (result.message() != null && !result.message().isEmpty()) {
            out.println(result.message());
        }
        if (!result.columnNames().isEmpty()) {
            printer.print(result.columnNames(), result.rows(), out);
            int n = result.rows().size();
            if (!silent) {
                err.println(n + (n == 1 ? " row" : " rows") + " selected (" + seconds + " seconds)");
            }
        } else if (!silent) {
            err.println("OK (" + seconds + " seconds)");
        }
        out.flush();
        err.flush();
    }
}
