package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.protocol.ContentSummary;

import org.apache.commons.cli.CommandLine;

/**
 * {@code -du [-s] [-h] <path> ...}: per entry, its size, the space its replicas take, and its
 * path, in aligned columns.
 */
final class DuOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-du");
    }

    @Override
    public String usage() {
        return "-du [-s] [-h] <path> ...";
    }

    @Override
    public String description() {
        return "Show the size of each entry under a directory (or of the file), the disk space its replicas\n"
                + "consume, and its path. -s one summary line per argument, -h sizes as 1.5 K, 128 M.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("s", "h"), args);
        boolean summary = line.hasOption("s");
        boolean human = line.hasOption("h");
        List<String> paths = line.getArgList().isEmpty() ? List.of(".") : line.getArgList();
        shell.forEach(paths, item -> {
            List<PathItem> entries = new ArrayList<>();
            if (summary || !item.isDirectory()) {
                entries.add(item);
            } else {
                for (FileStatus child : item.fs().listStatus(item.path())) {
                    entries.add(item.child(child));
                }
            }
            print(shell, entries, human);
        });
        return ShellArgs.exitCode(shell);
    }

    private static void print(Shell shell, List<PathItem> entries, boolean human) throws IOException {
        List<String[]> rows = new ArrayList<>();
        int sizeWidth = 0;
        int consumedWidth = 0;
        for (PathItem entry : entries) {
            ContentSummary summary = entry.fs().getContentSummary(entry.path());
            String size = ShellFormat.size(summary.length(), human);
            String consumed = ShellFormat.size(summary.spaceConsumed(), human);
            sizeWidth = Math.max(sizeWidth, size.length());
            consumedWidth = Math.max(consumedWidth, consumed.length());
            rows.add(new String[] {size, consumed, entry.display()});
        }
        String format = "%-" + sizeWidth + "s  %-" + consumedWidth + "s  %s%n";
        for (String[] row : rows) {
            shell.out().printf(format, (Object[]) row);
        }
    }
}
