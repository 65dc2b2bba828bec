package io.quarry.common.architecture;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The allowed dependency graph of the Quarry modules (docs/architecture.md, DESIGN.md) and where
 * each third-party library may be used, as small tables. {@link #check} says why one reference
 * breaks them, if it does.
 */
final class DependencyRules {
    /** Which module owns a package: the first matching prefix wins. */
    static final List<Map.Entry<String, String>> PACKAGE_OWNERS = List.of(
            Map.entry("io.quarry.common", "common"),
            Map.entry("io.quarry.dfs.namenode", "dfs-namenode"),
            Map.entry("io.quarry.dfs.datanode", "dfs-datanode"),
            Map.entry("io.quarry.dfs", "dfs-client"),
            Map.entry("io.quarry.mapreduce", "mapreduce"),
            Map.entry("io.quarry.scheduler", "scheduler"),
            Map.entry("io.quarry.sql", "sql"),
            Map.entry("io.quarry.minicluster", "minicluster"),
            Map.entry("io.quarry.examples", "jobs-examples"),
            Map.entry("io.quarry.cli", "cli"),
            Map.entry("io.quarry.bench", "bench"));

    /** module → the modules its code may use (its own is always allowed). */
    static final Map<String, Set<String>> ALLOWED_MODULES = Map.ofEntries(
            Map.entry("common", Set.<String>of()),
            Map.entry("dfs-client", Set.of("common")),
            Map.entry("dfs-namenode", Set.of("common", "dfs-client")),
            Map.entry("dfs-datanode", Set.of("common", "dfs-client")),
            Map.entry("mapreduce", Set.of("common", "dfs-client")),
            Map.entry("scheduler", Set.of("common", "dfs-client", "mapreduce")),
            Map.entry("sql", Set.of("common", "dfs-client", "mapreduce")),
            Map.entry("minicluster", Set.of("common", "dfs-client", "dfs-namenode", "dfs-datanode", "mapreduce", "scheduler")),
            // Examples see only the public job API: checked package by package below.
            Map.entry("jobs-examples", Set.of("mapreduce", "dfs-client")),
            Map.entry("cli", Set.of("common", "dfs-client", "dfs-namenode", "dfs-datanode", "mapreduce", "scheduler", "sql",
                    "minicluster", "jobs-examples")),
            // The container suite drives clusters of node containers; it needs the distribution (cli) built first.
            Map.entry("container-tests", Set.of("common", "dfs-client", "minicluster", "cli")),
            Map.entry("bench", Set.of("common", "dfs-client", "dfs-namenode", "dfs-datanode", "mapreduce", "scheduler", "sql",
                    "minicluster", "jobs-examples")));

    /** Processes of their own; none may use another's code. */
    static final Set<String> DAEMON_MODULES = Set.of("dfs-namenode", "dfs-datanode", "scheduler");

    /** Test code may also use these modules: the common test helpers, for examples the in-process cluster, for the cluster the examples. */
    static final Map<String, Set<String>> EXTRA_FOR_TESTS = Map.of(
            "jobs-examples", Set.of("common", "minicluster"),
            // End-to-end tests run the example jobs on the in-process cluster.
            "minicluster", Set.of("jobs-examples"));
    static final String TEST_HELPERS = "io.quarry.common.testing";

    /**
     * The public API jobs-examples may use: the top package of mapreduce and its sub-packages other
     * than the engine's machinery, the classes in the top package of the filesystem API, and the
     * configuration.
     */
    static boolean isPublicJobApi(String name) {
        if (within(name, "io.quarry.mapreduce")) {
            return !within(name, "io.quarry.mapreduce.runtime") && !within(name, "io.quarry.mapreduce.internal")
                    && !name.contains(".internal.") && !name.contains(".runtime.");
        }
        if (name.equals("io.quarry.common.conf.Configuration") || name.equals("io.quarry.common.conf.ConfigKey")) {
            return true; // jobs read and set their configuration like Hadoop jobs do
        }
        if (within(name, "io.quarry.dfs")) {
            String rest = name.substring("io.quarry.dfs.".length());
            // A class (upper case) or static member directly in io.quarry.dfs, or the package itself.
            return rest.equals("*") || Character.isUpperCase(rest.charAt(0));
        }
        return false;
    }

    /** A third-party library and the packages of ours that may use it. */
    record LibraryRule(String library, String where, Predicate<String> allowedIn) {
    }

    static final List<LibraryRule> LIBRARY_RULES = List.of(
            new LibraryRule("io.netty",
                    "io.quarry.common.rpc, io.quarry.common.http, io.quarry.common.testing, io.quarry.dfs.* except "
                            + "io.quarry.dfs.namenode, mapreduce's sub-packages (not its public API package), io.quarry.scheduler",
                    pkg -> within(pkg, "io.quarry.common.rpc") || within(pkg, "io.quarry.common.http")
                            || within(pkg, "io.quarry.common.testing")
                            || (within(pkg, "io.quarry.dfs") && !within(pkg, "io.quarry.dfs.namenode"))
                            || (within(pkg, "io.quarry.mapreduce") && !pkg.equals("io.quarry.mapreduce"))
                            || within(pkg, "io.quarry.scheduler")),
            new LibraryRule("com.esotericsoftware.kryo",
                    "io.quarry.common.codec, io.quarry.mapreduce.io, packages named *.serialization",
                    pkg -> within(pkg, "io.quarry.common.codec") || within(pkg, "io.quarry.mapreduce.io")
                            || hasSegment(pkg, "serialization")),
            new LibraryRule("org.apache.curator",
                    "packages with a .ha or .zookeeper segment",
                    pkg -> hasSegment(pkg, "ha") || hasSegment(pkg, "zookeeper")),
            new LibraryRule("org.apache.zookeeper",
                    "packages with a .ha or .zookeeper segment",
                    pkg -> hasSegment(pkg, "ha") || hasSegment(pkg, "zookeeper")),
            new LibraryRule("org.apache.calcite",
                    "io.quarry.sql",
                    pkg -> within(pkg, "io.quarry.sql")));

    /** Curator's test servers (embedded ZooKeeper) may be used by any test. */
    static final String CURATOR_TEST_SERVERS = "org.apache.curator.test";

    private DependencyRules() {
    }

    /** The module owning a package or class name, or empty when it is not a Quarry name. */
    static Optional<String> owner(String name) {
        for (Map.Entry<String, String> entry : PACKAGE_OWNERS) {
            if (within(name, entry.getKey())) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code module}'s code in package {@code fromPackage} may not refer to {@code name}, or
     * empty when it may.
     */
    static Optional<String> check(String module, String fromPackage, String name, boolean testCode) {
        for (LibraryRule rule : LIBRARY_RULES) {
            if (within(name, rule.library()) && !rule.allowedIn().test(fromPackage)
                    && !(testCode && within(name, CURATOR_TEST_SERVERS))) {
                return Optional.of(rule.library() + " may only be used in " + rule.where() + ", not in " + fromPackage);
            }
        }
        Optional<String> target = owner(name);
        if (target.isEmpty() || target.get().equals(module)) {
            return Optional.empty();
        }
        String to = target.get();
        if (to.equals("cli")) {
            return Optional.of("nothing may depend on cli");
        }
        if (testCode && within(name, TEST_HELPERS)) {
            return Optional.empty();
        }
        if (testCode && EXTRA_FOR_TESTS.getOrDefault(module, Set.of()).contains(to)) {
            return Optional.empty();
        }
        if (module.equals("jobs-examples")) {
            return isPublicJobApi(name) ? Optional.empty()
                    : Optional.of("jobs-examples may only use the public job API (io.quarry.mapreduce outside runtime/internal, "
                    + "classes of io.quarry.dfs), not " + to + " internals");
        }
        if (DAEMON_MODULES.contains(module) && DAEMON_MODULES.contains(to)) {
            return Optional.of("daemon module " + module + " must not depend on daemon module " + to);
        }
        Set<String> allowed = ALLOWED_MODULES.get(module);
        if (allowed == null) {
            return Optional.of("module " + module + " has no entry in DependencyRules.ALLOWED_MODULES");
        }
        if (!allowed.contains(to)) {
            return Optional.of(module + " may not depend on " + to + " (allowed: "
                    + (allowed.isEmpty() ? "nothing" : String.join(", ", new TreeSet<>(allowed))) + ")");
        }
        return Optional.empty();
    }

    /** {@code name} is the package itself or anything inside it. */
    static boolean within(String name, String pkg) {
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    private static boolean hasSegment(String pkg, String segment) {
        return ("." + pkg + ".").contains("." + segment + ".");
    }
}
