package io.quarry.sql.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarry.sql.ddl.DdlStatement.AddPartitions;
import io.quarry.sql.ddl.DdlStatement.CreateDatabase;
import io.quarry.sql.ddl.DdlStatement.CreateTable;
import io.quarry.sql.ddl.DdlStatement.DescribeDatabase;
import io.quarry.sql.ddl.DdlStatement.DropDatabase;
import io.quarry.sql.ddl.DdlStatement.DropPartitions;
import io.quarry.sql.ddl.DdlStatement.Describe;
import io.quarry.sql.ddl.DdlStatement.DropTable;
import io.quarry.sql.ddl.DdlStatement.PartitionSpec;
import io.quarry.sql.ddl.DdlStatement.RepairTable;
import io.quarry.sql.ddl.DdlStatement.ShowDatabases;
import io.quarry.sql.ddl.DdlStatement.ShowPartitions;
import io.quarry.sql.ddl.DdlStatement.ShowTables;
import io.quarry.sql.ddl.DdlStatement.TableRef;
import io.quarry.sql.ddl.DdlStatement.UseDatabase;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;

/**
 * Parses Hive's DDL: CREATE [EXTERNAL] TABLE, DROP TABLE, ALTER TABLE … ADD/DROP PARTITION,
 * SHOW TABLES, SHOW PARTITIONS, DESCRIBE, MSCK, and CREATE/DROP/SHOW/USE/DESCRIBE DATABASE.
 * No Calcite parser reads Hive's CREATE TABLE clauses (ROW FORMAT, SERDEPROPERTIES, STORED AS), so
 * this small recursive-descent parser does; queries go to Calcite. String literals follow Hive's
 * escapes ({@link HiveStrings}); a trailing {@code ;} is allowed.
 */
public final class DdlParser {
    private static final Set<String> DDL_KEYWORDS = Set.of("CREATE", "DROP", "SHOW", "DESCRIBE", "DESC", "ALTER", "MSCK",
            "USE");
    private static final Set<String> JSON_SERDES = Set.of("org.apache.hive.hcatalog.data.JsonSerDe",
            "org.apache.hadoop.hive.serde2.JsonSerDe");

    private final List<Token> tokens;
    private int index;

    private DdlParser(String sql) {
        this.tokens = DdlLexer.tokenize(sql);
    }

    /** Whether {@code sql} starts with a keyword of a statement this parser reads. */
    public static boolean isDdl(String sql) {
        try {
            Token first = DdlLexer.tokenize(sql).get(0);
            return first.kind() == Token.Kind.WORD && DDL_KEYWORDS.contains(first.text().toUpperCase(Locale.ROOT));
        } catch (DdlParseException e) {
            return false;
        }
    }

    /** @throws DdlParseException naming the line, column and unexpected token */
    public static DdlStatement parse(String sql) {
        DdlParser parser = new DdlParser(sql);
        DdlStatement statement = parser.statement();
        parser.acceptSymbol(';');
        parser.expectEnd();
        return statement;
    }

    private DdlStatement statement() {
        Token first = peek();
        if (acceptKeyword("CREATE")) {
            if (acceptDatabaseKeyword()) {
                return createDatabase();
            }
            return createTable();
        }
        if (acceptKeyword("USE")) {
            return new UseDatabase(identifier("a database name"));
        }
        if (acceptKeyword("DROP")) {
            if (acceptDatabaseKeyword()) {
                return dropDatabase();
            }
            expectKeyword("TABLE");
            boolean ifExists = acceptKeyword("IF");
            if (ifExists) {
                expectKeyword("EXISTS");
            }
            return new DropTable(tableRef(), ifExists);
        }
        if (acceptKeyword("ALTER")) {
            return alterPartitions();
        }
        if (acceptKeyword("SHOW")) {
            if (acceptKeyword("DATABASES") || acceptKeyword("SCHEMAS")) {
                return new ShowDatabases(acceptKeyword("LIKE") ? Optional.of(string("a pattern")) : Optional.empty());
            }
            if (acceptKeyword("PARTITIONS")) {
                return new ShowPartitions(tableRef());
            }
            if (!peek().isKeyword("TABLES")) {
                throw unexpected(peek(), "TABLES, PARTITIONS or DATABASES");
            }
            expectKeyword("TABLES");
            if (acceptKeyword("IN") || acceptKeyword("FROM")) {
                return new ShowTables(Optional.of(identifier("a database name")));
            }
            return new ShowTables(Optional.empty());
        }
        if (acceptKeyword("DESCRIBE") || acceptKeyword("DESC")) {
            if (acceptDatabaseKeyword()) {
                acceptKeyword("EXTENDED");
                return new DescribeDatabase(identifier("a database name"));
            }
            boolean formatted = acceptKeyword("FORMATTED") || acceptKeyword("EXTENDED");
            return new Describe(tableRef(), formatted);
        }
        if (acceptKeyword("MSCK")) {
            return repairTable();
        }
        throw unexpected(first, "CREATE, DROP, ALTER, SHOW, DESCRIBE, USE or MSCK");
    }

    private boolean acceptDatabaseKeyword() {
        return acceptKeyword("DATABASE") || acceptKeyword("SCHEMA");
    }

    private CreateDatabase createDatabase() {
        boolean ifNotExists = acceptKeyword("IF");
        if (ifNotExists) {
            expectKeyword("NOT");
            expectKeyword("EXISTS");
        }
        String name = identifier("a database name");
        String comment = acceptKeyword("COMMENT") ? string("a comment") : "";
        Optional<String> location = acceptKeyword("LOCATION") ? Optional.of(string("a location")) : Optional.empty();
        return new CreateDatabase(name, ifNotExists, comment, location);
    }

    private DropDatabase dropDatabase() {
        boolean ifExists = acceptKeyword("IF");
        if (ifExists) {
            expectKeyword("EXISTS");
        }
        String name = identifier("a database name");
        boolean cascade = acceptKeyword("CASCADE");
        if (!cascade) {
            acceptKeyword("RESTRICT");
        }
        return new DropDatabase(name, ifExists, cascade);
    }

    private RepairTable repairTable() {
        boolean repair = acceptKeyword("REPAIR");
        expectKeyword("TABLE");
        TableRef table = tableRef();
        if (acceptKeyword("ADD")) {
            expectKeyword("PARTITIONS");
        }
        return new RepairTable(table, repair);
    }

    private DdlStatement alterPartitions() {
        expectKeyword("TABLE");
        TableRef table = tableRef();
        if (acceptKeyword("DROP")) {
            boolean ifExists = acceptKeyword("IF");
            if (ifExists) {
                expectKeyword("EXISTS");
            }
            List<Map<String, String>> partitions = new ArrayList<>();
            do {
                expectKeyword("PARTITION");
                partitions.add(partitionValues());
            } while (acceptSymbol(','));
            return new DropPartitions(table, ifExists, partitions);
        }
        if (!peek().isKeyword("ADD")) {
            throw unexpected(peek(), "ADD or DROP");
        }
        return addPartitions(table);
    }

    private Map<String, String> partitionValues() {
        expectSymbol('(');
        Map<String, String> values = new LinkedHashMap<>();
        do {
            String column = identifier("a partition column");
            expectSymbol('=');
            Token value = peek();
            if (value.kind() != Token.Kind.STRING && value.kind() != Token.Kind.NUMBER) {
                throw unexpected(value, "a partition value");
            }
            index++;
            values.put(column, value.text());
        } while (acceptSymbol(','));
        expectSymbol(')');
        return values;
    }

    private AddPartitions addPartitions(TableRef table) {
        expectKeyword("ADD");
        boolean ifNotExists = acceptKeyword("IF");
        if (ifNotExists) {
            expectKeyword("NOT");
            expectKeyword("EXISTS");
        }
        List<PartitionSpec> partitions = new ArrayList<>();
        do {
            expectKeyword("PARTITION");
            Map<String, String> values = partitionValues();
            Optional<String> location = acceptKeyword("LOCATION") ? Optional.of(string("a location")) : Optional.empty();
            partitions.add(new PartitionSpec(values, location));
        } while (peek().isKeyword("PARTITION"));
        return new AddPartitions(table, ifNotExists, partitions);
    }

    private CreateTable createTable() {
        boolean external = acceptKeyword("EXTERNAL");
        expectKeyword("TABLE");
        boolean ifNotExists = acceptKeyword("IF");
        if (ifNotExists) {
            expectKeyword("NOT");
            expectKeyword("EXISTS");
        }
        TableRef table = tableRef();
        List<Column> columns = columnList();
        skipComment();
        List<Column> partitionColumns = List.of();
        if (acceptKeyword("PARTITIONED")) {
            expectKeyword("BY");
            partitionColumns = columnList();
        }
        TableFormat format = null;
        Token formatStart = peek();
        if (acceptKeyword("ROW")) {
            expectKeyword("FORMAT");
            format = rowFormat(formatStart);
        }
        if (acceptKeyword("STORED")) {
            expectKeyword("AS");
            format = storedAs(format);
        }
        Optional<String> location = Optional.empty();
        if (acceptKeyword("LOCATION")) {
            location = Optional.of(string("a location"));
        }
        if (acceptKeyword("TBLPROPERTIES")) {
            properties();
        }
        if (format == null) {
            format = new TableFormat(TableFormat.Kind.DELIMITED, Map.of());
        }
        return new CreateTable(table, external, ifNotExists, columns, partitionColumns, format, location);
    }

    private TableFormat rowFormat(Token start) {
        if (acceptKeyword("DELIMITED")) {
            Map<String, String> properties = new LinkedHashMap<>();
            if (acceptKeyword("FIELDS")) {
                expectKeyword("TERMINATED");
                expectKeyword("BY");
                Token delimiter = peek();
                String value = string("a field delimiter");
                if (value.isEmpty()) {
                    throw new DdlParseException(delimiter.line(), delimiter.column(), "the field delimiter is empty");
                }
                properties.put(TableFormat.FIELD_DELIM, value);
            }
            if (acceptKeyword("LINES")) {
                expectKeyword("TERMINATED");
                expectKeyword("BY");
                Token lines = peek();
                if (!string("a line terminator").equals("\n")) {
                    throw new DdlParseException(lines.line(), lines.column(), "only '\\n' is supported as the line terminator");
                }
            }
            return new TableFormat(TableFormat.Kind.DELIMITED, properties);
        }
        if (acceptKeyword("SERDE")) {
            Token serdeToken = peek();
            String serde = string("a SerDe class name");
            Map<String, String> properties = Map.of();
            if (acceptKeyword("WITH")) {
                expectKeyword("SERDEPROPERTIES");
                properties = properties();
            }
            if (serde.equals(TableFormat.REGEX_SERDE_CLASS)) {
                if (!properties.containsKey(TableFormat.INPUT_REGEX)) {
                    throw new DdlParseException(serdeToken.line(), serdeToken.column(),
                            "RegexSerDe needs WITH SERDEPROPERTIES ('input.regex'='...')");
                }
                return new TableFormat(TableFormat.Kind.REGEX, properties);
            }
            if (JSON_SERDES.contains(serde)) {
                return new TableFormat(TableFormat.Kind.JSON, properties);
            }
            throw new DdlParseException(serdeToken.line(), serdeToken.column(), "unsupported SerDe '" + serde
                    + "' (supported: " + TableFormat.REGEX_SERDE_CLASS + ", " + String.join(", ", JSON_SERDES.stream().sorted().toList())
                    + ")");
        }
        throw unexpected(peek(), "DELIMITED or SERDE");
    }

    private TableFormat storedAs(TableFormat rowFormat) {
        Token token = peek();
        String name = identifier("a file format").toUpperCase(Locale.ROOT);
        switch (name) {
            case "TEXTFILE" -> {
                return rowFormat;
            }
            case "JSONFILE" -> {
                if (rowFormat != null && rowFormat.kind() != TableFormat.Kind.JSON) {
                    throw new DdlParseException(token.line(), token.column(), "STORED AS JSONFILE cannot be combined with ROW FORMAT "
                            + rowFormat.kind());
                }
                return TableFormat.json();
            }
            default -> throw new DdlParseException(token.line(), token.column(),
                    "unsupported file format " + token.describe() + " (supported: TEXTFILE, JSONFILE)");
        }
    }

    private List<Column> columnList() {
        expectSymbol('(');
        List<Column> columns = new ArrayList<>();
        do {
            String name = identifier("a column name");
            Token typeToken = peek();
            String typeName = identifier("a column type");
            ColumnType type = ColumnType.fromName(typeName).orElseThrow(() -> new DdlParseException(typeToken.line(),
                    typeToken.column(), "unsupported column type " + typeToken.describe()
                    + " (supported: STRING, INT, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DATE)"));
            skipComment();
            columns.add(new Column(name, type));
        } while (acceptSymbol(','));
        expectSymbol(')');
        return columns;
    }

    private Map<String, String> properties() {
        expectSymbol('(');
        Map<String, String> properties = new LinkedHashMap<>();
        do {
            String key = string("a property name");
            expectSymbol('=');
            properties.put(key, string("a property value"));
        } while (acceptSymbol(','));
        expectSymbol(')');
        return properties;
    }

    private void skipComment() {
        if (acceptKeyword("COMMENT")) {
            string("a comment");
        }
    }

    private TableRef tableRef() {
        String first = identifier("a table name");
        if (acceptSymbol('.')) {
            return new TableRef(Optional.of(first), identifier("a table name"));
        }
        return new TableRef(Optional.empty(), first);
    }

    private String identifier(String what) {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD && token.kind() != Token.Kind.QUOTED) {
            throw unexpected(token, what);
        }
        index++;
        return token.text();
    }

    private String string(String what) {
        Token token = peek();
        if (token.kind() != Token.Kind.STRING) {
            throw unexpected(token, what + " in quotes");
        }
        index++;
        return token.text();
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw unexpected(peek(), keyword);
        }
    }

    private boolean acceptSymbol(char symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectSymbol(char symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected(peek(), "'" + symbol + "'");
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw unexpected(peek(), "end of statement");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private static DdlParseException unexpected(Token token, String expected) {
        return new DdlParseException(token.line(), token.column(), "unexpected " + token.describe() + ", expected " + expected);
    }
}
