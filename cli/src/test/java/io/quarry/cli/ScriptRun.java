package io.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a script under the repository's {@code bin/} with bash: its exit code and its output (stderr included). */
public record ScriptRun(int exitCode, String output) {

    /** Runs {@code bin/<script> args...} with {@code env} added to this process's environment. */
    public static ScriptRun run(String script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path path = Paths.get(System.getProperty("quarry.repo.dir", "..")).resolve("bin").resolve(script).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("bash", path.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s %s ended", script, String.join(" ", args)).isTrue();
        return new ScriptRun(process.exitValue(), output);
    }
}
