package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;

import org.apache.commons.cli.CommandLine;

/** {@code -test -e|-d|-f|-s|-z <path>}: exit 0 when the condition holds, 1 otherwise; prints nothing. */
final class TestOp implements ShellOp {
    private static final List<String> CHECKS = List.of("e", "d", "f", "s", "z");

    @Override
    public List<String> names() {
        return List.of("-test");
    }

    @Override
    public String usage() {
        return "-test -[defsz] <path>";
    }

    @Override
    public String description() {
        return "Answer with the exit code: -e the path exists, -d it is a directory, -f it is a file,\n"
                + "-s it is not empty, -z it is a zero-length file. 0 means true, 1 false.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws IOException, UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags(CHECKS.toArray(String[]::new)), args);
        String check = null;
        for (String candidate : CHECKS) {
            if (line.hasOption(candidate)) {
                if (check != null) {
                    throw new UsageException("only one of -e -d -f -s -z may be given");
                }
                check = candidate;
            }
        }
        if (check == null) {
            throw new UsageException("one of -e -d -f -s -z is required");
        }
        ShellArgs.requireExactly(line.getArgList(), 1, "one <path>");
        FileStatus status = shell.resolve(line.getArgList().get(0)).status();
        boolean holds = switch (check) {
            case "e" -> status != null;
            case "d" -> status != null && status.isDirectory();
            case "f" -> status != null && status.isFile();
            case "s" -> status != null && status.length() > 0;
            default -> status != null && status.isFile() && status.length() == 0;
        };
        return holds ? 0 : 1;
    }
}
