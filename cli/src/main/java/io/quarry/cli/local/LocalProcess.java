package io.quarry.cli.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarry.common.lifecycle.DaemonRunner;

import static java.util.Objects.requireNonNull;

/**
 * Launches, finds and stops the background JVM of a local cluster. The JVM is detached from the
 * terminal (its own session when {@code setsid} exists, stdin from /dev/null, output appended to
 * {@code logs/local.log}); its pid is kept in {@code local.pid}.
 */
final class LocalProcess {
    private static final String MAIN_CLASS = LocalClusterMain.class.getName();

    private final LocalDirs dirs;

    LocalProcess(LocalDirs dirs) {
        this.dirs = requireNonNull(dirs, "dirs is null");
    }

    /** The running cluster's process, or empty (removing a stale pid file). */
    Optional<ProcessHandle> running() throws IOException {
        Path pidFile = dirs.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LocalProcess::isOurs);
        if (handle.isEmpty()) {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(dirs.stateFile());
        }
        return handle;
    }

    /** A pid may have been reused by another program since the cluster died. */
    private static boolean isOurs(ProcessHandle handle) {
        Optional<String> commandLine = handle.info().commandLine();
        return commandLine.isEmpty() || commandLine.get().contains(MAIN_CLASS);
    }

    /** Starts the JVM and returns once it printed the READY line; on failure the exception carries the log tail. */
    ProcessHandle start(int dataNodes, Path confDir, Map<String, String> overrides, Duration timeout) throws IOException {
        return start(dataNodes, false, confDir, overrides, timeout);
    }

    /** As above; {@code ha} adds an embedded ZooKeeper and a standby Scheduler ({@code --ha}). */
    ProcessHandle start(int dataNodes, boolean ha, Path confDir, Map<String, String> overrides, Duration timeout)
            throws IOException {
        Files.createDirectories(dirs.logDir());
        Files.deleteIfExists(dirs.stateFile());
        long logOffset = Files.exists(dirs.logFile()) ? Files.size(dirs.logFile()) : 0;
        ProcessBuilder builder = new ProcessBuilder(command(dataNodes, ha, confDir, overrides))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dirs.logFile().toFile()));
        // The class path goes in the environment, not on the command line: Linux shows Java only the first
        // 4 KiB of a command line, and isOurs must still find the main class in it.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        Files.writeString(dirs.pidFile(), Long.toString(process.pid()) + "\n", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readyLineAfter(logOffset)) {
                return process.toHandle();
            }
            if (!process.isAlive()) {
                Files.deleteIfExists(dirs.pidFile());
                throw new IOException("The local cluster exited with code " + process.exitValue() + " before it was ready. "
                        + "Last lines of " + dirs.logFile() + ":\n" + logTail(20));
            }
            pause(100);
        }
        process.destroyForcibly();
        Files.deleteIfExists(dirs.pidFile());
        throw new IOException("The local cluster was not ready within " + timeout.toSeconds() + " s and was killed. "
                + "Last lines of " + dirs.logFile() + ":\n" + logTail(20));
    }

    /** SIGTERM, then SIGKILL when the JVM has not exited within the grace period. True if it was killed. */
    boolean stop(ProcessHandle handle, Duration grace) throws IOException {
        boolean killed = false;
        handle.destroy();
        if (!awaitExit(handle, grace)) {
            handle.destroyForcibly();
            killed = true;
            awaitExit(handle, Duration.ofSeconds(10));
        }
        Files.deleteIfExists(dirs.pidFile());
        Files.deleteIfExists(dirs.stateFile());
        return killed;
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) throws IOException {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IOException("Waiting for process " + handle.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for process " + handle.pid() + " to exit", e);
        }
    }

    private List<String> command(int dataNodes, boolean ha, Path confDir, Map<String, String> overrides) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Paths.get("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        } else if (Files.isExecutable(Paths.get("/bin/setsid"))) {
            command.add("/bin/setsid");
        }
        command.add(javaExecutable());
        String logConfig = System.getProperty("logback.configurationFile");
        if (logConfig != null) {
            command.add("-Dlogback.configurationFile=" + logConfig);
        }
        command.add("-Dquarry.role=local");
        command.add("-Dquarry.log.level=INFO");
        command.add(MAIN_CLASS);
        command.add("--dir");
        command.add(dirs.base().toString());
        command.add("--datanodes");
        command.add(Integer.toString(dataNodes));
        if (ha) {
            command.add("--ha");
        }
        if (confDir != null) {
            command.add("--conf");
            command.add(confDir.toAbsolutePath().toString());
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            command.add("-D" + override.getKey() + "=" + override.getValue());
        }
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    private boolean readyLineAfter(long offset) throws IOException {
        for (String line : linesAfter(offset)) {
            if (line.startsWith(DaemonRunner.READY_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private List<String> linesAfter(long offset) throws IOException {
        if (!Files.exists(dirs.logFile())) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(dirs.logFile().toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        }
    }

    String logTail(int lines) throws IOException {
        if (!Files.exists(dirs.logFile())) {
            return "(no log written)";
        }
        List<String> all = List.of(new String(Files.readAllBytes(dirs.logFile()), StandardCharsets.UTF_8).split("\n"));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void pause(long millis) throws IOException {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the local cluster", e);
        }
    }
}
