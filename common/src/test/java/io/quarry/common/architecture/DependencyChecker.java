package io.quarry.common.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Applies {@link DependencyRules} to source files and lists every violation as {@code file:line: what — why}. */
final class DependencyChecker {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    private DependencyChecker() {
    }

    /** Checks one file's text; {@code displayName} is how the file is named in the violations. */
    static List<String> checkSource(String module, String displayName, String source, boolean testCode) {
        SourceReferences parsed = SourceReferences.parse(source);
        List<String> violations = new ArrayList<>();
        if (!testCode) {
            Optional<String> owner = DependencyRules.owner(parsed.packageName());
            if (owner.isPresent() && !owner.get().equals(module)) {
                violations.add(displayName + ":1: package " + parsed.packageName() + " belongs to module " + owner.get()
                        + ", not " + module);
            }
        }
        for (SourceReferences.Reference reference : parsed.references()) {
            DependencyRules.check(module, parsed.packageName(), reference.name(), testCode).ifPresent(reason ->
                    violations.add(displayName + ":" + reference.line() + ": " + reference.written() + " — " + reason));
        }
        return violations;
    }

    /** The modules listed in the parent pom of the repository. */
    static List<String> modules(Path root) throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(SourceReferences.codeOnlyXml(pom));
        while (matcher.find()) {
            modules.add(matcher.group(1));
        }
        return modules;
    }

    /** The repository root: the nearest directory upwards whose pom.xml lists modules. */
    static Path findRoot(Path start) throws IOException {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom, StandardCharsets.UTF_8).contains("<modules>")) {
                return dir;
            }
        }
        throw new IllegalStateException("No parent pom.xml with <modules> above " + start.toAbsolutePath());
    }

    /** Checks src/main/java and src/test/java of every module. */
    static List<String> checkRepository(Path root, List<String> modules) throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : modules) {
            if (!DependencyRules.ALLOWED_MODULES.containsKey(module)) {
                violations.add("pom.xml: module " + module + " has no entry in DependencyRules.ALLOWED_MODULES");
                continue;
            }
            checkTree(root, module, root.resolve(module).resolve("src/main/java"), false, violations);
            checkTree(root, module, root.resolve(module).resolve("src/test/java"), true, violations);
        }
        return violations;
    }

    /** How many source files the repository check reads, so the test can tell it did look. */
    static long countSources(Path root, List<String> modules) throws IOException {
        long count = 0;
        for (String module : modules) {
            for (String tree : List.of("src/main/java", "src/test/java")) {
                Path dir = root.resolve(module).resolve(tree);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        count += files.filter(f -> f.toString().endsWith(".java")).count();
                    }
                }
            }
        }
        return count;
    }

    private static void checkTree(Path root, String module, Path dir, boolean testCode, List<String> violations) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            violations.addAll(checkSource(module, root.relativize(file).toString().replace('\\', '/'), source, testCode));
        }
    }
}
