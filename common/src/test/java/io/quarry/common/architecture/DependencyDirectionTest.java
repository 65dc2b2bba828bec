package io.quarry.common.architecture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module graph one-way: scans every module's sources (main and test) and fails naming
 * file, line and the offending import when code uses a module or library it may not. The rules
 * are the tables in {@link DependencyRules}:
 *
 * <pre>
 * module         may use
 * common         —
 * dfs-client     common
 * dfs-namenode   common, dfs-client            (never dfs-datanode: daemons do not share code)
 * dfs-datanode   common, dfs-client            (never dfs-namenode)
 * mapreduce      common, dfs-client
 * scheduler      common, dfs-client, mapreduce
 * sql            common, dfs-client, mapreduce
 * minicluster    common, dfs-*, mapreduce, scheduler
 * jobs-examples  public job API only: io.quarry.mapreduce (not runtime/internal), classes of io.quarry.dfs
 * cli            everything; nothing may use cli
 *
 * library                     only in
 * io.netty                    common.rpc, common.http, common.testing (leak checks), io.quarry.dfs.* except dfs.namenode,
 *                             mapreduce sub-packages, scheduler
 * com.esotericsoftware.kryo   common.codec, mapreduce.io, *.serialization
 * org.apache.curator/zookeeper  packages with a .ha or .zookeeper segment (tests: curator's test servers anywhere)
 * org.apache.calcite          io.quarry.sql
 * </pre>
 *
 * Test code may also use io.quarry.common.testing; the examples' tests may use minicluster and common.
 */
@Timeout(60)
class DependencyDirectionTest {
    @Test
    void everyModuleDependsOnlyInTheAllowedDirection() throws IOException {
        Path root = DependencyChecker.findRoot(Path.of(""));
        List<String> modules = DependencyChecker.modules(root);
        assertThat(modules).as("modules listed in %s", root.resolve("pom.xml")).contains("common", "dfs-client");
        assertThat(DependencyChecker.countSources(root, modules)).as("Java sources found under %s", root).isPositive();

        List<String> violations = DependencyChecker.checkRepository(root, modules);

        assertThat(violations).as("dependency violations (see the rules in DependencyRules)").isEmpty();
    }

    // ---- The checker itself, on sources held in memory, so a broken checker fails here. ----

    @Test
    void checkerReportsAWrongWayImportWithFileAndLine() {
        String source = """
                package io.quarry.dfs.namenode;

                import java.util.List;
                import io.quarry.dfs.datanode.DataNode;
                """;
        assertThat(DependencyChecker.checkSource("dfs-namenode", "NameNodeSample.java", source, false))
                .containsExactly("NameNodeSample.java:4: import io.quarry.dfs.datanode.DataNode — "
                        + "daemon module dfs-namenode must not depend on daemon module dfs-datanode");
    }

    @Test
    void checkerAcceptsAllowedImports() {
        String source = """
                package io.quarry.dfs.datanode;

                import io.quarry.common.conf.Configuration;
                import io.quarry.dfs.protocol.Block;
                import static io.quarry.common.conf.CommonConfigKeys.RPC_TIMEOUT;
                import io.netty.buffer.ByteBuf;
                import io.quarry.dfs.datanode.storage.BlockStore;
                """;
        assertThat(DependencyChecker.checkSource("dfs-datanode", "Sample.java", source, false)).isEmpty();
    }

    @Test
    void checkerReportsUpwardDependenciesOfCommonAndDfsClient() {
        assertThat(DependencyChecker.checkSource("common", "Up.java",
                "package io.quarry.common.rpc;\nimport io.quarry.dfs.FileSystem;\n", false))
                .containsExactly("Up.java:2: import io.quarry.dfs.FileSystem — common may not depend on dfs-client (allowed: nothing)");
        assertThat(DependencyChecker.checkSource("dfs-client", "Up.java",
                "package io.quarry.dfs;\nimport static io.quarry.mapreduce.Job.run;\n", false))
                .containsExactly("Up.java:2: import static io.quarry.mapreduce.Job.run — dfs-client may not depend on mapreduce (allowed: common)");
    }

    @Test
    void checkerReportsAnyUseOfCli() {
        assertThat(DependencyChecker.checkSource("minicluster", "M.java",
                "package io.quarry.minicluster;\nimport io.quarry.cli.Main;\n", false))
                .singleElement().asString().contains("M.java:2").contains("nothing may depend on cli");
        assertThat(DependencyChecker.checkSource("cli", "Main.java",
                "package io.quarry.cli;\nimport io.quarry.sql.Engine;\nimport io.quarry.minicluster.MiniCluster;\n", false)).isEmpty();
    }

    @Test
    void checkerKeepsExamplesOnThePublicApi() {
        String source = """
                package io.quarry.examples;
                import io.quarry.mapreduce.Mapper;
                import io.quarry.mapreduce.lib.TextInputFormat;
                import io.quarry.dfs.Path;
                import io.quarry.mapreduce.runtime.SortBuffer;
                import io.quarry.dfs.protocol.Block;
                import io.quarry.scheduler.Scheduler;
                """;
        assertThat(DependencyChecker.checkSource("jobs-examples", "WordCount.java", source, false))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).startsWith("WordCount.java:5: import io.quarry.mapreduce.runtime.SortBuffer"))
                .anySatisfy(v -> assertThat(v).startsWith("WordCount.java:6: import io.quarry.dfs.protocol.Block"))
                .anySatisfy(v -> assertThat(v).startsWith("WordCount.java:7: import io.quarry.scheduler.Scheduler"));
    }

    @Test
    void checkerKeepsLibrariesBehindTheirPackage() {
        assertThat(DependencyChecker.checkSource("dfs-namenode", "N.java",
                "package io.quarry.dfs.namenode;\nimport io.netty.channel.Channel;\n", false))
                .singleElement().asString().startsWith("N.java:2: import io.netty.channel.Channel — io.netty may only be used in");
        assertThat(DependencyChecker.checkSource("common", "C.java",
                "package io.quarry.common.conf;\nimport com.esotericsoftware.kryo.Kryo;\n", false))
                .singleElement().asString().contains("C.java:2").contains("com.esotericsoftware.kryo");
        assertThat(DependencyChecker.checkSource("mapreduce", "J.java",
                "package io.quarry.mapreduce;\nimport io.netty.buffer.ByteBuf;\nimport org.apache.calcite.rel.RelNode;\n", false))
                .hasSize(2);
        assertThat(DependencyChecker.checkSource("dfs-namenode", "Z.java",
                "package io.quarry.dfs.namenode;\nimport org.apache.curator.framework.CuratorFramework;\n", false)).hasSize(1);
        assertThat(DependencyChecker.checkSource("dfs-namenode", "Z.java",
                "package io.quarry.dfs.namenode.ha;\nimport org.apache.curator.framework.CuratorFramework;\n"
                        + "import org.apache.zookeeper.KeeperException;\n", false)).isEmpty();
        assertThat(DependencyChecker.checkSource("sql", "S.java",
                "package io.quarry.sql.plan;\nimport org.apache.calcite.rel.RelNode;\n", false)).isEmpty();
        assertThat(DependencyChecker.checkSource("scheduler", "T.java",
                "package io.quarry.scheduler;\nimport org.apache.curator.test.TestingServer;\n", true)).isEmpty();
    }

    @Test
    void checkerSeesQualifiedNamesInCodeButNotInCommentsOrStrings() {
        String source = """
                package io.quarry.dfs.namenode;

                /** Unlike io.quarry.dfs.datanode.DataNode, this class ... */
                class Sample {
                    // io.quarry.cli.Main is not used here
                    String text = "io.quarry.cli.Main";
                    String block = \"""
                            io.quarry.sql.Engine
                            \""";
                    Object node = new io.quarry.dfs.datanode.DataNode();
                }
                """;
        assertThat(DependencyChecker.checkSource("dfs-namenode", "Sample.java", source, false))
                .containsExactly("Sample.java:10: qualified name io.quarry.dfs.datanode.DataNode — "
                        + "daemon module dfs-namenode must not depend on daemon module dfs-datanode");
    }

    @Test
    void checkerReportsAPackageInTheWrongModule() {
        assertThat(DependencyChecker.checkSource("dfs-namenode", "Split.java", "package io.quarry.dfs.protocol;\n", false))
                .containsExactly("Split.java:1: package io.quarry.dfs.protocol belongs to module dfs-client, not dfs-namenode");
    }

    @Test
    void testCodeMayUseTheCommonTestHelpers() {
        String source = "package io.quarry.dfs.namenode;\nimport io.quarry.common.testing.Await;\n";
        assertThat(DependencyChecker.checkSource("dfs-namenode", "T.java", source, true)).isEmpty();
        assertThat(DependencyChecker.checkSource("jobs-examples", "T.java",
                "package io.quarry.examples;\nimport io.quarry.minicluster.MiniCluster;\n", true)).isEmpty();
        assertThat(DependencyChecker.checkSource("jobs-examples", "T.java",
                "package io.quarry.examples;\nimport io.quarry.minicluster.MiniCluster;\n", false)).hasSize(1);
    }

    @Test
    void modulesComeFromTheParentPom() throws IOException {
        Path root = DependencyChecker.findRoot(Path.of(""));
        assertThat(DependencyChecker.modules(root)).containsAll(DependencyRules.ALLOWED_MODULES.keySet().stream()
                .filter(m -> root.resolve(m).toFile().isDirectory()).toList());
    }
}
