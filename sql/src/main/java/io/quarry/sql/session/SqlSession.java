package io.quarry.sql.session;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarry.common.conf.Configuration;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.CatalogException;
import io.quarry.sql.ddl.DdlExecutor;
import io.quarry.sql.ddl.DdlParseException;
import io.quarry.sql.ddl.DdlParser;
import io.quarry.sql.ddl.DdlResult;
import io.quarry.sql.ddl.DdlStatement;

/**
 * Runs SQL statements one at a time against the catalog named by the configuration: DDL is applied
 * to the catalog, queries are compiled into MapReduce stages and run with the job runner that
 * {@code mapreduce.framework.name} selects. Not thread-safe; a shell holds one per user.
 */
public final class SqlSession implements AutoCloseable {
    private final Configuration conf;
    private Catalog catalog;
    private String currentDatabase = Catalog.DEFAULT_DATABASE;

    public SqlSession(Configuration conf) {
        this.conf = requireNonNull(conf, "conf is null");
    }

    /** Runs one statement (a trailing {@code ;} is allowed), reporting each stage's progress to {@code listener}. */
    public StatementResult execute(String statement, StageListener listener) throws SqlException {
        requireNonNull(statement, "statement is null");
        requireNonNull(listener, "listener is null");
        String text = statement.strip();
        if (text.isEmpty()) {
            throw new SqlException("Empty statement");
        }
        try {
            if (text.endsWith(";")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            boolean explain = startsWithWord(text, "EXPLAIN");
            if (explain) {
                text = text.substring("EXPLAIN".length()).strip();
            }
            if (WriteStatement.looksLikeWrite(text)) {
                WriteStatement write = WriteStatement.parse(text).orElseThrow(() -> new SqlException(
                        "Cannot read the statement: expected CREATE TABLE t AS SELECT …, INSERT OVERWRITE TABLE t SELECT … "
                                + "or INSERT OVERWRITE DIRECTORY 'path' SELECT …", 1, 1, null));
                return new QueryExecution(conf, catalog(), currentDatabase).run(write.query(), explain, write, listener);
            }
            if (!explain && DdlParser.isDdl(text)) {
                return ddl(text);
            }
            return new QueryExecution(conf, catalog(), currentDatabase).run(text, explain, listener);
        } catch (DdlParseException e) {
            throw new SqlException(e.getMessage(), e.line(), e.column(), e);
        } catch (CatalogException e) {
            throw new SqlException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SqlException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SqlException("I/O error: " + e.getMessage(), e);
        }
    }

    /** USE changes the current database; dropping the current database makes {@code default} current. */
    private StatementResult ddl(String text) throws IOException {
        DdlStatement statement = DdlParser.parse(text);
        DdlResult result = new DdlExecutor(catalog(), conf).execute(statement, currentDatabase);
        if (statement instanceof DdlStatement.UseDatabase use) {
            currentDatabase = use.database().toLowerCase(Locale.ROOT);
        } else if (statement instanceof DdlStatement.DropDatabase drop
                && drop.database().equalsIgnoreCase(currentDatabase)) {
            currentDatabase = Catalog.DEFAULT_DATABASE;
        }
        if (result.header().isEmpty()) {
            return StatementResult.message(result.message());
        }
        List<List<Object>> rows = new ArrayList<>();
        result.rows().forEach(r -> rows.add(new ArrayList<>(r)));
        return new StatementResult(result.header(), rows, null);
    }

    /** The database that unqualified table names resolve in (changed by USE). */
    public String currentDatabase() {
        return currentDatabase;
    }

    private static boolean startsWithWord(String text, String word) {
        return text.regionMatches(true, 0, word, 0, word.length())
                && (text.length() == word.length() || Character.isWhitespace(text.charAt(word.length())));
    }

    Catalog catalog() throws IOException {
        if (catalog == null) {
            catalog = Catalog.open(conf);
        }
        return catalog;
    }

    @Override
    public void close() {
        catalog = null;
    }
}
