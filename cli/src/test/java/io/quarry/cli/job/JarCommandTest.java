package io.quarry.cli.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.quarry.cli.CliRun;
import io.quarry.cli.FileSystemOpener;
import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Tool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarry jar}: finding the driver, passing configuration and arguments, exit codes, a real job. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JarCommandTest {
    private static final FileSystemOpener NO_FILESYSTEM = (uri, conf) -> {
        throw new AssertionError("no filesystem expected, asked for " + uri);
    };

    @TempDir
    Path dir;

    /** Remembers what it was run with and returns 3. */
    public static final class RecordingTool implements Tool {
        static volatile Configuration lastConf;
        static volatile List<String> lastArgs;
        static volatile ClassLoader lastLoader;

        @Override
        public int run(Configuration conf, String[] args) {
            lastConf = conf;
            lastArgs = List.of(args);
            lastLoader = Thread.currentThread().getContextClassLoader();
            return 3;
        }
    }

    /** A plain main. */
    public static final class PlainMain {
        static volatile List<String> lastArgs;

        public static void main(String[] args) {
            lastArgs = List.of(args);
        }
    }

    private Path jar(String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = dir.resolve("job-" + (mainClass == null ? "plain" : "main") + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
        return jar;
    }

    @Test
    void manifestMainClassToolGetsConfigurationAndArgumentsAndItsReturnIsTheExitCode() throws IOException {
        Path jar = jar(RecordingTool.class.getName());

        CliRun run = CliRun.run(NO_FILESYSTEM, "-Dquarry.job.outer=1", "jar", "--local", jar.toString(),
                "-D", "quarry.job.inner=2", "first", "-D", "second");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(RecordingTool.lastArgs).containsExactly("first", "-D", "second");
        assertThat(RecordingTool.lastConf.get("quarry.job.outer")).isEqualTo("1");
        assertThat(RecordingTool.lastConf.get("quarry.job.inner")).isEqualTo("2");
        assertThat(RecordingTool.lastConf.getString(MapReduceConfigKeys.FRAMEWORK_NAME)).isEqualTo("local");
        assertThat(RecordingTool.lastLoader).isNotSameAs(JarCommandTest.class.getClassLoader());
    }

    @Test
    void withoutAManifestMainClassTheClassAfterTheJarRunsItsMain() throws IOException {
        Path jar = jar(null);

        CliRun run = CliRun.run(NO_FILESYSTEM, "jar", jar.toString(), PlainMain.class.getName(), "a", "b");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(PlainMain.lastArgs).containsExactly("a", "b");
    }

    @Test
    void missingJarOrClassAreReported() throws IOException {
        Path nope = dir.resolve("nope.jar");
        CliRun missing = CliRun.run(NO_FILESYSTEM, "jar", nope.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("jar: no such jar file: " + nope + "\n");

        Path plain = jar(null);
        CliRun noClass = CliRun.run(NO_FILESYSTEM, "jar", plain.toString());
        assertThat(noClass.exitCode()).isEqualTo(2);
        assertThat(noClass.err()).startsWith("jar: " + plain + " names no Main-Class in its manifest; give the <main class>\n");

        CliRun unknownClass = CliRun.run(NO_FILESYSTEM, "jar", plain.toString(), "com.example.Missing");
        assertThat(unknownClass.exitCode()).isEqualTo(1);
        assertThat(unknownClass.err()).isEqualTo("jar: class com.example.Missing not found in " + plain + "\n");
    }

    @Test
    void aFileThatIsNotAJarIsReportedAsSuch() throws IOException {
        Path text = dir.resolve("notes.jar");
        Files.writeString(text, "just some text\n", StandardCharsets.UTF_8);
        Path empty = Files.createFile(dir.resolve("empty.jar"));

        CliRun run = CliRun.run(NO_FILESYSTEM, "jar", text.toString(), "com.example.Main");
        CliRun emptyRun = CliRun.run(NO_FILESYSTEM, "jar", empty.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("jar: not a jar file: " + text + "\n");
        assertThat(emptyRun.exitCode()).as(emptyRun.toString()).isEqualTo(2);
        assertThat(emptyRun.err()).startsWith("jar: not a jar file: " + empty + "\n");
    }

    @Test
    void theJarBecomesTheJobJarUnlessOneIsSet() throws IOException {
        Path jar = jar(RecordingTool.class.getName());

        CliRun run = CliRun.run(NO_FILESYSTEM, "jar", "--local", jar.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(RecordingTool.lastConf.getString(MapReduceConfigKeys.JOB_JAR)).isEqualTo(jar.toAbsolutePath().toString());

        CliRun explicit = CliRun.run(NO_FILESYSTEM, "-Dmapreduce.job.jar=/elsewhere/classes.jar", "jar", "--local", jar.toString());
        assertThat(explicit.exitCode()).as(explicit.toString()).isEqualTo(3);
        assertThat(RecordingTool.lastConf.getString(MapReduceConfigKeys.JOB_JAR)).isEqualTo("/elsewhere/classes.jar");
    }

    @Test
    void theExamplesWordCountRunsInProcessThroughTheCommand() throws IOException {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "b a\nc b a\n\na\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("out");
        Path jar = jar("io.quarry.examples.ExampleDriver");

        CliRun run = CliRun.run(NO_FILESYSTEM, "jar", "--local", jar.toString(), "wordcount",
                input.toUri().toString(), output.toUri().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(output.resolve("part-r-00000")));
        assertThat(lines).containsExactly("a\t3", "b\t2", "c\t1");
        assertThat(output.resolve("_SUCCESS")).exists();
    }
}
