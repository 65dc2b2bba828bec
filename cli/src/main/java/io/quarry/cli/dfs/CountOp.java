package io.quarry.cli.dfs;

import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.protocol.ContentSummary;

import org.apache.commons.cli.CommandLine;

/** {@code -count [-h] <path> ...}: DIR_COUNT FILE_COUNT CONTENT_SIZE PATHNAME, as Hadoop prints it. */
final class CountOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-count");
    }

    @Override
    public String usage() {
        return "-count [-h] <path> ...";
    }

    @Override
    public String description() {
        return "Count the directories, files and bytes under each path. Columns: DIR_COUNT FILE_COUNT\n"
                + "CONTENT_SIZE PATHNAME. -h shows the size as 1.5 K, 128 M.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("h"), args);
        boolean human = line.hasOption("h");
        ShellArgs.requireAtLeast(line.getArgList(), 1, "<path>");
        shell.forEach(line.getArgList(), item -> {
            ContentSummary summary = item.fs().getContentSummary(item.path());
            shell.out().printf("%12d %12d %18s %s%n", summary.directoryCount(), summary.fileCount(),
                    ShellFormat.size(summary.length(), human), item.display());
        });
        return ShellArgs.exitCode(shell);
    }
}
