package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;

import org.apache.commons.cli.CommandLine;

/**
 * {@code -ls [-R] [-h] [-d] [<path> ...]} in Hadoop's layout: a {@code Found N items} header per
 * listed directory (not with -R), then {@code drwxr-xr-x   - alice supergroup          0 2026-11-28 04:13 /user/alice/x}.
 */
final class LsOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-ls");
    }

    @Override
    public String usage() {
        return "-ls [-R] [-h] [-d] [<path> ...]";
    }

    @Override
    public String description() {
        return "List the contents of directories and the status of files (the home directory when no path is\n"
                + "given). -R lists subdirectories recursively, -h shows sizes as 1.5 K, 128 M, -d lists\n"
                + "directories as plain entries. Columns: mode, replication (- for directories), owner,\n"
                + "group, size, modification time, path.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("R", "h", "d"), args);
        boolean recursive = line.hasOption("R");
        boolean human = line.hasOption("h");
        boolean directoriesAsFiles = line.hasOption("d");
        List<String> paths = line.getArgList().isEmpty() ? List.of(".") : line.getArgList();
        shell.forEach(paths, item -> {
            if (item.isDirectory() && !directoriesAsFiles) {
                listDirectory(shell, item, recursive, human, !recursive);
            } else {
                print(shell, List.of(item), human);
            }
        });
        return ShellArgs.exitCode(shell);
    }

    private void listDirectory(Shell shell, PathItem dir, boolean recursive, boolean human, boolean header) throws IOException {
        List<PathItem> children = new ArrayList<>();
        for (FileStatus child : dir.fs().listStatus(dir.path())) {
            children.add(dir.child(child));
        }
        if (header && !children.isEmpty()) {
            shell.out().println("Found " + children.size() + " items");
        }
        if (!recursive) {
            print(shell, children, human);
            return;
        }
        for (PathItem child : children) {
            print(shell, List.of(child), human);
            if (child.isDirectory()) {
                listDirectory(shell, child, true, human, false);
            }
        }
    }

    private static void print(Shell shell, List<PathItem> items, boolean human) {
        int replicationWidth = 3;
        int ownerWidth = 0;
        int groupWidth = 0;
        int sizeWidth = 10;
        for (PathItem item : items) {
            FileStatus status = item.status();
            replicationWidth = Math.max(replicationWidth, replication(status).length());
            ownerWidth = Math.max(ownerWidth, status.owner().length());
            groupWidth = Math.max(groupWidth, status.group().length());
            sizeWidth = Math.max(sizeWidth, ShellFormat.size(status.length(), human).length());
        }
        String format = "%s %" + replicationWidth + "s " + column(ownerWidth) + column(groupWidth) + "%" + sizeWidth + "s %s %s%n";
        for (PathItem item : items) {
            FileStatus status = item.status();
            shell.out().printf(format, ShellFormat.mode(status), replication(status), status.owner(), status.group(),
                    ShellFormat.size(status.length(), human), ShellFormat.listTime(status.modificationTime()), item.display());
        }
    }

    private static String column(int width) {
        return width > 0 ? "%-" + width + "s " : "%s";
    }

    private static String replication(FileStatus status) {
        return status.isDirectory() ? "-" : Short.toString(status.replication());
    }
}
