package io.quarry.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Generic options, configuration checks, command lookup and help of the quarry main. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QuarryMainTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new AssertionError("no filesystem expected, asked for " + uri);
    };

    private static CliRun quarry(String... args) {
        return CliRun.run(NO_FILESYSTEM, args);
    }

    @Test
    void helpListsTheVisibleCommands() {
        CliRun run = quarry("help");
        assertThat(run.exitCode()).isZero();
        for (String command : new String[] {"help", "version", "dfs", "fsck", "dfsadmin", "local", "namenode", "datanode", "scheduler", "worker", "job"}) {
            assertThat(run.out()).containsPattern("(?m)^  " + command + " +\\S");
        }
        assertThat(run.out()).doesNotContain("conf-template");
        assertThat(quarry("--help").out()).isEqualTo(run.out());
    }

    @Test
    void noCommandPrintsHelpOnStderrWithUsageExitCode() {
        CliRun run = quarry();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Usage: quarry ");
    }

    @Test
    void commandHelpPrintsItsUsage() {
        CliRun run = quarry("fsck", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: quarry fsck <path> [-files [-blocks [-locations | -racks]]]");
        assertThat(quarry("help", "local").out()).startsWith("Usage: quarry local start [--dir DIR] [--datanodes N]");
        assertThat(quarry("dfs", "--help").out()).contains("[-ls [-R] [-h] [-d] [<path> ...]]");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = quarry("version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Quarry ").doesNotContain("Quarry unknown").contains("\nJava ");
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        CliRun run = quarry("dsf", "-ls");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("quarry: unknown command 'dsf' (did you mean 'dfs'?)\n");
    }

    @Test
    void misspeltKeyIsAWarningWithTheKeyMeant() {
        CliRun run = quarry("-Ddfs.replicaton=2", "version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("WARNING: Unknown configuration key 'dfs.replicaton' (did you mean 'dfs.replication'?)");
    }

    @Test
    void badValueIsAnErrorNamingKeyAndValue() {
        CliRun run = quarry("-D", "dfs.blocksize=lots", "version");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dfs.blocksize").contains("lots");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void dashDWithoutAssignmentIsAUsageError() {
        CliRun run = quarry("-Dnoequals", "version");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Expected -Dkey=value, got -Dnoequals");
        CliRun confWithoutDir = quarry("--conf");
        assertThat(confWithoutDir.exitCode()).isEqualTo(2);
        assertThat(confWithoutDir.err()).isEqualTo("quarry: --conf needs a directory\n");
    }

    @Test
    void confDirAndOverridesAreMergedWithOverridesWinning(@TempDir Path conf) throws Exception {
        Files.writeString(conf.resolve("quarry-site.properties"), "dfs.replication=2\nfs.defaultFS=file:///\n",
                StandardCharsets.UTF_8);
        CommandContext[] seen = new CommandContext[1];
        CommandRegistry registry = new CommandRegistry().register(new Command() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public String summary() {
                return "records its context";
            }

            @Override
            public String usage() {
                return "Usage: quarry probe";
            }

            @Override
            public int run(CommandContext context, java.util.List<String> args) {
                seen[0] = context;
                return args.size();
            }
        });
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(sink, true, StandardCharsets.UTF_8);
        CliIo io = new CliIo(new java.io.ByteArrayInputStream(new byte[0]), print, print);
        int code = new Quarry(registry, io, NO_FILESYSTEM)
                .run("--conf", conf.toString(), "-Ddfs.replication=5", "probe", "-D", "dfs.blocksize=1m", "a", "b");
        assertThat(code).isEqualTo(2);
        assertThat(seen[0].conf().get("dfs.replication")).isEqualTo("5");
        assertThat(seen[0].conf().get("fs.defaultFS")).isEqualTo("file:///");
        assertThat(seen[0].conf().get("dfs.blocksize")).isEqualTo("1m");
        assertThat(seen[0].confDir()).isEqualTo(conf);
        assertThat(seen[0].overrides()).containsEntry("dfs.replication", "5").containsEntry("dfs.blocksize", "1m");
    }

    @Test
    void commandsRetryRpcFewerTimesUnlessTheUserSaysOtherwise() {
        Configuration defaults = Quarry.withCliDefaults(Configuration.empty());
        assertThat(defaults.getInt(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS)).isEqualTo(4);
        Configuration chosen = Quarry.withCliDefaults(Configuration.of(java.util.Map.of("quarry.rpc.retry.max-attempts", "9")));
        assertThat(chosen.getInt(CommonConfigKeys.RPC_RETRY_MAX_ATTEMPTS)).isEqualTo(9);
    }

    @Test
    void failingCommandPrintsItsNameAndMessageWithExitOne() {
        CliRun run = quarry("-Dfs.defaultFS=file:///", "dfsadmin", "-report");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("dfsadmin: fs.defaultFS is 'file:///', which names no QFS NameNode");
    }

    @Test
    void commandsSayWhenNoNameNodeListens() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String defaultFs = "-Dfs.defaultFS=qfs://127.0.0.1:" + port;
        CliRun ls = CliRun.run(FileSystemOpener.standard(), defaultFs, "dfs", "-ls", "/");
        assertThat(ls.exitCode()).isEqualTo(1);
        assertThat(ls.err()).startsWith("ls: Cannot connect to 127.0.0.1:" + port)
                .contains("(is the NameNode running? 'quarry local start' starts a single-node cluster)");
        CliRun fsck = CliRun.run(FileSystemOpener.standard(), defaultFs, "fsck", "/");
        assertThat(fsck.exitCode()).isEqualTo(1);
        assertThat(fsck.err()).startsWith("fsck: Cannot connect to 127.0.0.1:" + port).contains("is the NameNode running?");
    }

    @Test
    void adminUsageErrorsExitWithTwo() {
        assertThat(quarry("fsck").exitCode()).isEqualTo(2);
        assertThat(quarry("fsck", "/", "-blocks").err()).contains("-blocks needs -files");
        assertThat(quarry("dfsadmin", "-safemode", "sideways").exitCode()).isEqualTo(2);
        assertThat(quarry("local").exitCode()).isEqualTo(2);
        assertThat(quarry("local", "start", "--datanodes", "zero").exitCode()).isEqualTo(2);
        assertThat(quarry("namenode", "extra").exitCode()).isEqualTo(2);
    }
}
