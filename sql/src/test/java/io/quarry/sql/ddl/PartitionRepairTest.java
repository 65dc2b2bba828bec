package io.quarry.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;
import io.quarry.sql.SqlConfigKeys;
import io.quarry.sql.catalog.Catalog;
import io.quarry.sql.catalog.CatalogException;
import io.quarry.sql.catalog.NoSuchTableException;
import io.quarry.sql.catalog.PartitionDefinition;
import io.quarry.sql.ddl.DdlStatement.RepairTable;
import io.quarry.sql.ddl.DdlStatement.TableRef;

@Timeout(20)
class PartitionRepairTest {
    @TempDir
    java.nio.file.Path tmp;
    private FileSystem fs;
    private Catalog catalog;
    private DdlExecutor ddl;
    private Path logs;

    @BeforeEach
    void open() throws IOException {
        Path root = new Path(tmp.toUri().toString());
        Configuration conf = Configuration.empty().with(SqlConfigKeys.WAREHOUSE_DIR, root.child("warehouse").toString());
        fs = FileSystem.get(root, conf);
        catalog = new Catalog(fs, root.child("catalog"));
        ddl = new DdlExecutor(catalog, conf);
        logs = root.child("logs");
        ddl.execute("CREATE EXTERNAL TABLE p (host STRING) PARTITIONED BY (dt STRING, hour INT) LOCATION '" + logs + "'",
                "default");
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private void dataFile(String relativeDir) throws IOException {
        Path dir = logs;
        for (String part : relativeDir.split("/")) {
            dir = dir.child(part);
        }
        fs.mkdirs(dir);
        try (var out = fs.create(dir.child("part-0"), true)) {
            out.write("h\n".getBytes());
        }
    }

    @Test
    void parsesMsckWithAndWithoutRepair() {
        assertThat(DdlParser.parse("MSCK REPAIR TABLE db.p;")).isEqualTo(new RepairTable(new TableRef(Optional.of("db"), "p"), true));
        assertThat(DdlParser.parse("msck table p")).isEqualTo(new RepairTable(new TableRef(Optional.empty(), "p"), false));
        assertThat(DdlParser.parse("MSCK REPAIR TABLE p ADD PARTITIONS")).isEqualTo(
                new RepairTable(new TableRef(Optional.empty(), "p"), true));
        assertThat(DdlParser.isDdl("MSCK REPAIR TABLE p")).isTrue();
        assertThatThrownBy(() -> DdlParser.parse("MSCK REPAIR p")).isInstanceOf(DdlParseException.class)
                .hasMessageContaining("line 1, column 13");
    }

    @Test
    void repairAddsThePartitionDirectoriesTheCatalogLacks() throws IOException {
        dataFile("dt=2024-01-01/hour=1");
        dataFile("dt=2024-01-01/hour=2");
        dataFile("DT=2024-01-02/Hour=0");
        ddl.execute("ALTER TABLE p ADD PARTITION (dt='2024-01-01', hour=1)", "default");

        DdlResult result = ddl.execute("MSCK REPAIR TABLE p", "default");

        assertThat(result.message()).contains("Partitions not in the catalog: p:dt=2024-01-01/hour=2, p:dt=2024-01-02/hour=0")
                .contains("Repair: added partition p:dt=2024-01-01/hour=2")
                .contains("Added 2 partitions to default.p");
        assertThat(catalog.partitions("default", "p")).extracting(PartitionDefinition::name)
                .containsExactlyInAnyOrder("dt=2024-01-01/hour=1", "dt=2024-01-01/hour=2", "dt=2024-01-02/hour=0");
        PartitionDefinition added = catalog.partitions("default", "p").stream()
                .filter(x -> x.name().equals("dt=2024-01-02/hour=0")).findFirst().orElseThrow();
        assertThat(added.location()).endsWith("/logs/DT=2024-01-02/Hour=0");
        assertThat(ddl.execute("MSCK REPAIR TABLE p", "default").message())
                .isEqualTo("No partitions of default.p are missing from the catalog");
    }

    @Test
    void withoutRepairItOnlyReports() throws IOException {
        dataFile("dt=2024-01-01/hour=1");
        assertThat(ddl.execute("MSCK TABLE p", "default").message())
                .isEqualTo("Partitions not in the catalog: p:dt=2024-01-01/hour=1");
        assertThat(catalog.partitions("default", "p")).isEmpty();
    }

    @Test
    void escapedValuesAreDecodedAndStrayDirectoriesSkipped() throws IOException {
        dataFile("dt=2024%2F01%2F01/hour=3");
        dataFile("dt=2024-01-05/extra");
        dataFile("notapartition");
        dataFile("_temporary/dt=x/hour=1");
        dataFile(".hidden");
        DdlResult result = ddl.execute("MSCK REPAIR TABLE p", "default");
        assertThat(catalog.partitions("default", "p")).extracting(p -> p.values().get("dt"))
                .containsExactly("2024/01/01");
        assertThat(result.message()).contains("Skipped a directory that is not a partition of default.p: ")
                .contains("/logs/notapartition").contains("/logs/dt=2024-01-05/extra")
                .doesNotContain("_temporary").doesNotContain(".hidden");
    }

    @Test
    void failsClearlyForAMissingLocationOrTable() throws IOException {
        assertThatThrownBy(() -> ddl.execute("MSCK REPAIR TABLE p", "default"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Location of table default.p does not exist");
        assertThatThrownBy(() -> ddl.execute("MSCK REPAIR TABLE q", "default")).isInstanceOf(NoSuchTableException.class);
        ddl.execute("CREATE EXTERNAL TABLE flat (host STRING) LOCATION '" + logs + "'", "default");
        assertThat(ddl.execute("MSCK REPAIR TABLE flat", "default").message())
                .isEqualTo("Table default.flat is not partitioned: nothing to repair");
    }
}
