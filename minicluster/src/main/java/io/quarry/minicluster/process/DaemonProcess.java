package io.quarry.minicluster.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarry.common.lifecycle.DaemonRunner;
import io.quarry.common.net.HostAndPort;

import static java.util.Objects.requireNonNull;

/**
 * A Quarry daemon running in its own JVM, started with this JVM's class path. Its output goes to
 * a log file; {@link #start} returns once the daemon printed its READY line. {@link #kill()} sends
 * SIGKILL, so nothing in the daemon gets to clean up: the real "machine lost power" case.
 */
public final class DaemonProcess implements AutoCloseable {
    private final String role;
    private final Process process;
    private final Path logFile;
    private final Map<String, HostAndPort> addresses;

    private DaemonProcess(String role, Process process, Path logFile, Map<String, HostAndPort> addresses) {
        this.role = role;
        this.process = process;
        this.logFile = logFile;
        this.addresses = addresses;
    }

    /**
     * Starts {@code mainClass} (a class whose main runs {@link DaemonRunner}) with the given
     * configuration overrides, and waits up to {@code timeout} for it to be ready.
     */
    public static DaemonProcess start(String role, String mainClass, Map<String, String> conf, Path logFile, Duration timeout)
            throws IOException {
        return start(role, mainClass, conf, List.of(), logFile, timeout);
    }

    /** As {@link #start(String, String, Map, Path, Duration)}, with arguments after the configuration. */
    public static DaemonProcess start(String role, String mainClass, Map<String, String> conf, List<String> arguments,
                                      Path logFile, Duration timeout) throws IOException {
        return start(role, mainClass, List.of("-Xmx512m", "-XX:+UseSerialGC"), conf, arguments, logFile, timeout);
    }

    /** As {@link #start(String, String, Map, List, Path, Duration)}, with these JVM options instead of the small test heap. */
    public static DaemonProcess start(String role, String mainClass, List<String> jvmOptions, Map<String, String> conf,
                                      List<String> arguments, Path logFile, Duration timeout) throws IOException {
        requireNonNull(role, "role is null");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        for (Map.Entry<String, String> entry : conf.entrySet()) {
            command.add("-D" + entry.getKey() + "=" + entry.getValue());
        }
        command.addAll(arguments);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpOutput(process, logFile, ready), role + "-output");
        pump.setDaemon(true);
        pump.start();
        String line;
        try {
            line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException(role + " did not become ready within " + timeout.toMillis() + " ms; its log "
                    + logFile + " ends with:\n" + tail(logFile), e);
        }
        return new DaemonProcess(role, process, logFile, parseAddresses(line));
    }

    private static void pumpOutput(Process process, Path logFile, CompletableFuture<String> ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.startsWith(DaemonRunner.READY_PREFIX)) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new IOException("process closed its output " + exitDescription(process) + " before it was ready"));
        }
    }

    /** The exit code once the process ended; its output can close a moment before it does. */
    private static String exitDescription(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "and exited with code " + process.exitValue() : "and is still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted while waiting for it to exit)";
        }
    }

    private static Map<String, HostAndPort> parseAddresses(String readyLine) {
        Map<String, HostAndPort> addresses = new LinkedHashMap<>();
        String[] words = readyLine.substring(DaemonRunner.READY_PREFIX.length()).trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals > 0) {
                addresses.put(words[i].substring(0, equals), HostAndPort.parse(words[i].substring(equals + 1)));
            }
        }
        return addresses;
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public String role() {
        return role;
    }

    public HostAndPort address(String name) {
        HostAndPort address = addresses.get(name);
        if (address == null) {
            throw new IllegalArgumentException(role + " has no address named " + name + "; it has " + addresses.keySet());
        }
        return address;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGSTOP: the daemon freezes mid-whatever, as in a long GC pause or a suspended VM; its sessions time out. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a frozen daemon resumes where it stopped. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " (" + role + ") failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    /** SIGKILL without waiting, for clean-up paths. */
    public void destroyQuietly() {
        process.destroyForcibly();
    }

    /** SIGKILL: the daemon gets no chance to flush or clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not exited within the timeout. */
    public void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
    }
}
