package io.quarry.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.format.Column;
import io.quarry.sql.format.ColumnType;
import io.quarry.sql.format.TableFormat;

@Timeout(20)
class CatalogTest {
    private static final Configuration CONF = Configuration.empty();

    @TempDir
    java.nio.file.Path tmp;
    private FileSystem fs;
    private Path dir;
    private Catalog catalog;

    @BeforeEach
    void open() throws IOException {
        dir = new Path(tmp.toUri().toString()).child("catalog");
        fs = FileSystem.get(dir, CONF);
        catalog = new Catalog(fs, dir);
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static TableDefinition logs(String name) {
        return new TableDefinition("default", name,
                List.of(new Column("host", ColumnType.STRING), new Column("status", ColumnType.INT)),
                List.of(new Column("dt", ColumnType.STRING)), true, "file:///data/" + name,
                TableFormat.regex("(\\S+) (\\d+)\t\u0001"));
    }

    @Test
    void startsWithTheDefaultDatabaseAndNoTables() throws IOException {
        assertThat(catalog.databases()).containsExactly("default");
        assertThat(catalog.tables("default")).isEmpty();
    }

    @Test
    void tablesSurviveReopeningTheCatalogExactly() throws IOException {
        catalog.createTable(logs("access_logs"), false);
        catalog.createTable(logs("errors"), false);

        Catalog reopened = new Catalog(fs, dir);
        assertThat(reopened.tables("DEFAULT")).containsExactly("access_logs", "errors");
        assertThat(reopened.table("default", "Access_Logs")).isEqualTo(logs("access_logs"));
    }

    @Test
    void openReadsTheDirectoryFromConfiguration() throws IOException {
        Catalog fromConf = Catalog.open(CONF.with(SqlConfigKeys.CATALOG_DIR, dir.toString()));
        catalog.createTable(logs("t"), false);
        assertThat(fromConf.tables("default")).containsExactly("t");
    }

    @Test
    void creatingAnExistingTableFailsUnlessIfNotExists() throws IOException {
        assertThat(catalog.createTable(logs("t"), false)).isTrue();
        assertThat(catalog.createTable(logs("t"), true)).isFalse();
        assertThatThrownBy(() -> catalog.createTable(logs("t"), false))
                .isInstanceOf(CatalogException.class).hasMessage("Table default.t already exists");
    }

    @Test
    void anUnknownTableIsNamedWithTheClosestMatch() throws IOException {
        catalog.createTable(logs("access_logs"), false);
        assertThatThrownBy(() -> catalog.table("default", "acess_logs"))
                .isInstanceOf(NoSuchTableException.class)
                .hasMessage("Table not found: default.acess_logs (did you mean default.access_logs?)");
        assertThatThrownBy(() -> catalog.table("default", "zzz"))
                .isInstanceOf(NoSuchTableException.class).hasMessage("Table not found: default.zzz");
        assertThatThrownBy(() -> catalog.table("nodb", "t"))
                .isInstanceOf(NoSuchTableException.class).hasMessage("Table not found: nodb.t");
    }

    @Test
    void creatingInAnUnknownDatabaseNamesIt() {
        TableDefinition t = new TableDefinition("defualt", "t", logs("t").columns(), List.of(), false, "/x", TableFormat.json());
        assertThatThrownBy(() -> catalog.createTable(t, false))
                .isInstanceOf(CatalogException.class).hasMessage("Database not found: defualt (did you mean default?)");
    }

    @Test
    void droppingRemovesTheTableAndReturnsIt() throws IOException {
        catalog.createTable(logs("t"), false);
        assertThat(catalog.dropTable("default", "t", false)).contains(logs("t"));
        assertThat(catalog.findTable("default", "t")).isEmpty();
        assertThat(catalog.dropTable("default", "t", true)).isEmpty();
        assertThatThrownBy(() -> catalog.dropTable("default", "t", false)).isInstanceOf(NoSuchTableException.class);
    }

    @Test
    void partitionsAreStoredInColumnOrderAndSurviveReopening() throws IOException {
        catalog.createTable(logs("t"), false);
        assertThat(catalog.addPartition("default", "t", new PartitionDefinition(Map.of("DT", "2024-01-01"), "/p1"), false)).isTrue();
        assertThat(catalog.addPartition("default", "t", new PartitionDefinition(Map.of("dt", "2024-01-01"), "/p1"), true)).isFalse();
        assertThatThrownBy(() -> catalog.addPartition("default", "t", new PartitionDefinition(Map.of("dt", "2024-01-01"), "/p"), false))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Partition dt=2024-01-01 of table default.t already exists");
        catalog.addPartition("default", "t", new PartitionDefinition(Map.of("dt", "2024-01-02"), "/p2"), false);

        assertThat(new Catalog(fs, dir).partitions("default", "t")).extracting(PartitionDefinition::name, PartitionDefinition::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dt=2024-01-01", "/p1"),
                        org.assertj.core.groups.Tuple.tuple("dt=2024-01-02", "/p2"));
        assertThat(catalog.table("default", "t")).isEqualTo(logs("t"));
    }

    @Test
    void aPartitionMustNameExactlyThePartitionColumns() throws IOException {
        catalog.createTable(logs("t"), false);
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("dt", "x");
        wrong.put("hour", "1");
        assertThatThrownBy(() -> catalog.addPartition("default", "t", new PartitionDefinition(wrong, "/p"), false))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Partition dt=x/hour=1 does not match the partition columns of table default.t (dt)");
    }

    @Test
    void anInterruptedUpdateIsCompletedByTheNextReader() throws IOException {
        catalog.createTable(logs("t"), false);
        Path file = dir.child("default.db").child("t.table");
        Path pending = dir.child("default.db").child("t.table.new");
        fs.rename(file, pending);
        assertThat(new Catalog(fs, dir).tables("default")).containsExactly("t");
        assertThat(catalog.table("default", "t")).isEqualTo(logs("t"));
        assertThat(fs.exists(file)).isTrue();
        assertThat(fs.exists(pending)).isFalse();
    }

    @Test
    void aStalePendingFileBesideTheTableIsIgnored() throws IOException {
        catalog.createTable(logs("t"), false);
        try (OutputStream out = fs.create(dir.child("default.db").child("t.table.new"), true)) {
            out.write("half writ".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(catalog.table("default", "t")).isEqualTo(logs("t"));
        catalog.addPartition("default", "t", new PartitionDefinition(Map.of("dt", "d"), "/p"), false);
        assertThat(catalog.partitions("default", "t")).hasSize(1);
    }

    @Test
    void aCorruptFileIsReportedWithItsPath() throws IOException {
        try (OutputStream out = fs.create(dir.child("default.db").child("bad.table"), true)) {
            out.write("version=1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> catalog.table("default", "bad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Corrupt catalog file").hasMessageContaining("bad.table").hasMessageContaining("missing");
    }

    @Test
    void namesAndColumnsAreValidated() {
        assertThatThrownBy(() -> logs("bad-name")).hasMessageContaining("Invalid table name 'bad-name'");
        assertThatThrownBy(() -> new TableDefinition("default", "t",
                List.of(new Column("a", ColumnType.INT)), List.of(new Column("A", ColumnType.STRING)), false, "/x", TableFormat.json()))
                .hasMessage("Table default.t declares column 'A' twice");
    }

    @Test
    void databasesCanBeAdded() throws IOException {
        assertThat(catalog.createDatabase("Web")).isTrue();
        assertThat(catalog.createDatabase("web")).isFalse();
        assertThat(catalog.databases()).containsExactly("default", "web");
    }
}
