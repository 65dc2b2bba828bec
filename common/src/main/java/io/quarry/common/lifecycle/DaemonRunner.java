package io.quarry.common.lifecycle;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.quarry.common.conf.ConfigValidator;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one daemon in the foreground of a JVM: loads the configuration, reports misspelt keys,
 * starts the daemon, prints a {@code READY} line (which process launchers wait for), and stops
 * it on SIGTERM/SIGINT.
 */
public final class DaemonRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonRunner.class);

    /** The prefix of the line printed on standard output once the daemon serves. */
    public static final String READY_PREFIX = "QUARRY-READY ";

    /** Starts a daemon from a configuration. */
    @FunctionalInterface
    public interface Starter {
        Daemon start(Configuration conf) throws Exception;
    }

    private DaemonRunner() {
    }

    /** Runs until the JVM is asked to stop; returns the process exit code. */
    public static int run(String role, String[] args, Starter starter) {
        Configuration conf;
        try {
            conf = DaemonArgs.parse(args).load();
            ConfigValidator validator = new ConfigValidator(KnownKeys.load());
            for (String problem : validator.unknownKeys(conf)) {
                LOG.warn("{}: {}", role, problem);
                System.err.println("WARNING: " + problem);
            }
            validator.checkValues(conf);
        } catch (Exception e) {
            System.err.println(role + ": " + e.getMessage());
            return 2;
        }
        Daemon daemon;
        try {
            daemon = starter.start(conf);
        } catch (Exception e) {
            LOG.error("{}: failed to start", role, e);
            System.err.println(role + " failed to start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, role + "-shutdown"));
        System.out.println(READY_PREFIX + role + " " + formatAddresses(daemon.addresses()));
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** {@code rpc=127.0.0.1:8020 http=127.0.0.1:9870}. */
    public static String formatAddresses(Map<String, ?> addresses) {
        return addresses.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
