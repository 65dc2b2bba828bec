package io.quarry.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.sql.session.SqlException;
import io.quarry.sql.session.StageProgress;
import io.quarry.sql.session.StatementResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell over a scripted engine: splitting, substitution, printing, progress, errors and their positions. */
@Timeout(10)
class SqlShellTest {
    @TempDir
    Path dir;

    private final List<String> executed = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> variables = new HashMap<>(Map.of("day", "2025-03-10"));

    /** SELECT returns two rows after two stages; FAIL L C fails at (L, C) of the statement; BOOM is a bug. */
    private StatementResult engine(String statement, io.quarry.sql.session.StageListener listener) throws SqlException {
        executed.add(statement);
        if (statement.startsWith("SELECT")) {
            listener.onProgress(new StageProgress(1, 2, "scan t", 0.5f, 0f));
            listener.onProgress(new StageProgress(1, 2, "scan t", 1f, 1f));
            listener.onProgress(new StageProgress(2, 2, "sort", 1f, 1f));
            return new StatementResult(List.of("a", "b"), List.of(Arrays.asList("x", null), Arrays.asList("y", 2L)), null);
        }
        if (statement.startsWith("FAIL")) {
            String[] words = statement.split("\\s+");
            int line = Integer.parseInt(words[1]);
            int column = Integer.parseInt(words[2]);
            throw new SqlException("Syntax error at line " + line + ", column " + column + ": unexpected 'FORM'",
                    line, column, null);
        }
        if (statement.startsWith("MISSING")) {
            throw new SqlException("Table not found: default.acess_log (did you mean default.access_log?)");
        }
        if (statement.startsWith("BOOM")) {
            throw new IllegalStateException("bug");
        }
        return StatementResult.message("Created table " + statement);
    }

    private SqlShell shell(boolean silent) {
        AtomicLong clock = new AtomicLong();
        return new SqlShell(this::engine, variables, new VariableSubstitution(variables, n -> null, k -> null),
                new ResultPrinter(OutputFormat.TSV, false), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> clock.getAndAdd(1_500_000_000L), silent);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptPrintsRowsOnStdoutAndProgressAndTimingsOnStderr() {
        assertThat(shell(false).runScript("CREATE t; SELECT * FROM t", "-e", false)).isEqualTo(SqlShell.Outcome.OK);
        assertThat(executed).containsExactly("CREATE t", "SELECT * FROM t");
        assertThat(out()).isEqualTo("Created table CREATE t\nx\tNULL\ny\t2\n");
        assertThat(err()).isEqualTo("""
                OK (1.500 seconds)
                Stage 1/2 scan t: map  50%, reduce   0%
                Stage 1/2 scan t: map 100%, reduce 100%
                Stage 2/2 sort: map 100%, reduce 100%
                2 rows selected (1.500 seconds)
                """);
    }

    @Test
    void silentModePrintsOnlyResults() {
        shell(true).runScript("SELECT 1", "-e", false);
        assertThat(out()).isEqualTo("x\tNULL\ny\t2\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void aScriptStopsAtTheFirstFailureUnlessForced() {
        assertThat(shell(true).runScript("CREATE a; MISSING; CREATE b", "-e", false)).isEqualTo(SqlShell.Outcome.FAILED);
        assertThat(executed).containsExactly("CREATE a", "MISSING");
        assertThat(err()).contains("Error: Table not found: default.acess_log (did you mean default.access_log?)");
        executed.clear();
        assertThat(shell(true).runScript("CREATE a; MISSING; CREATE b", "-e", true)).isEqualTo(SqlShell.Outcome.FAILED);
        assertThat(executed).containsExactly("CREATE a", "MISSING", "CREATE b");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndColumnInTheScript() {
        String script = "-- header\nCREATE a;\n\n  FAIL 2 3\nxx;\n";
        shell(true).runScript(script, "q.sql", false);
        assertThat(err()).isEqualTo("""
                Error: Syntax error at line 5, column 3: unexpected 'FORM' (q.sql)
                  xx;
                    ^
                """);
    }

    @Test
    void positionsAfterASubstitutedVariableMapBackToTheScript() {
        shell(true).runScript("FAIL 1 24 '${day}' zz", "-e", false);
        assertThat(executed).containsExactly("FAIL 1 24 '2025-03-10' zz");
        assertThat(err()).isEqualTo("Error: Syntax error at line 1, column 20: unexpected 'FORM' (-e)\n"
                + "  FAIL 1 24 '${day}' zz\n"
                + "                     ^\n");
    }

    @Test
    void aPositionInsideASubstitutedValueIsTheReference() {
        shell(true).runScript("FAIL 1 15 '${day}'", "-e", false);
        assertThat(err()).startsWith("Error: Syntax error at line 1, column 12: unexpected 'FORM' (-e)\n");
    }

    @Test
    void aMessageThatSaysErrorIsNotPrefixedTwice() {
        SqlShell shell = new SqlShell((s, l) -> {
            throw new SqlException("Error at line 1, column 3: Object 'x' not found", 1, 3, null);
        }, variables, new VariableSubstitution(variables, n -> null, k -> null), new ResultPrinter(OutputFormat.TSV, false),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                System::nanoTime, true);
        shell.runScript("\n  SELECT x", "-e", false);
        assertThat(err()).startsWith("Error at line 2, column 5: Object 'x' not found (-e)\n");
    }

    @Test
    void anInternalErrorIsReportedAndTheScriptFails() {
        assertThat(shell(true).runScript("BOOM", "-e", false)).isEqualTo(SqlShell.Outcome.FAILED);
        assertThat(err()).contains("Error: internal error while running the statement: java.lang.IllegalStateException: bug");
    }

    @Test
    void setHivevarDefinesAVariableForLaterStatements() {
        shell(true).runScript("SET hivevar:tbl = logs; CREATE ${tbl}_${hivevar:day}", "-e", false);
        assertThat(executed).containsExactly("CREATE logs_2025-03-10");
    }

    @Test
    void quitEndsAScript() {
        assertThat(shell(true).runScript("CREATE a; quit; CREATE b", "-e", false)).isEqualTo(SqlShell.Outcome.OK);
        assertThat(executed).containsExactly("CREATE a");
    }

    @Test
    void sourceRunsAnotherFile() throws IOException {
        Path file = dir.resolve("more.sql");
        Files.writeString(file, "CREATE x;\nCREATE y;\n");
        shell(true).runScript("SOURCE " + file + "; CREATE z", "-e", false);
        assertThat(executed).containsExactly("CREATE x", "CREATE y", "CREATE z");
        assertThat(shell(true).runScript("SOURCE " + dir.resolve("none.sql"), "-e", false))
                .isEqualTo(SqlShell.Outcome.FAILED);
        assertThat(err()).contains("Error: cannot read ").contains("none.sql");
    }

    @Test
    void theInteractiveShellJoinsLinesUntilASemicolonAndSurvivesErrors() throws IOException {
        String input = """
                CREATE
                  a;
                FAIL 1 1; CREATE b;
                MISSING;
                BOOM;
                SELECT 1
                ;
                CREATE 'x;
                y';
                CREATE tail""";
        shell(true).interactive(new StreamLineSource(new BufferedReader(new StringReader(input))));
        assertThat(executed).containsExactly("CREATE\n  a", "FAIL 1 1", "CREATE b", "MISSING", "BOOM", "SELECT 1",
                "CREATE 'x;\ny'", "CREATE tail");
        assertThat(err()).contains("Syntax error at line 1, column 1", "Table not found", "internal error");
    }

    @Test
    void theInteractiveShellStopsAtQuit() throws IOException {
        shell(true).interactive(new StreamLineSource(new BufferedReader(new StringReader("CREATE a;\nexit\nCREATE b;\n"))));
        assertThat(executed).containsExactly("CREATE a");
        executed.clear();
        shell(true).interactive(new StreamLineSource(new BufferedReader(new StringReader("CREATE a; quit;\nCREATE b;\n"))));
        assertThat(executed).containsExactly("CREATE a");
    }

    @Test
    void anInterruptedLineDropsTheStatementSoFar() throws IOException {
        List<Object> script = new ArrayList<>(List.of("CREATE", new LineSource.Interrupted(), "CREATE b;"));
        LineSource lines = new LineSource() {
            @Override
            public String readLine(String prompt) {
                if (script.isEmpty()) {
                    return null;
                }
                Object next = script.remove(0);
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                return (String) next;
            }

            @Override
            public boolean terminal() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        shell(true).interactive(lines);
        assertThat(executed).containsExactly("CREATE b");
    }
}
