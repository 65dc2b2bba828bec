package io.quarry.cli.dfs;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.UsageException;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.FileStatus;

import org.apache.commons.cli.CommandLine;

/**
 * {@code -setrep [-w] <rep> <path> ...}: change the replication of files (every file under a
 * directory); -w waits until every block has exactly that many replicas.
 */
final class SetrepOp implements ShellOp {
    private static final long POLL_MILLIS = 500;

    @Override
    public List<String> names() {
        return List.of("-setrep");
    }

    @Override
    public String usage() {
        return "-setrep [-w] <rep> <path> ...";
    }

    @Override
    public String description() {
        return "Set the replication of files, or of every file under a directory. -w waits until each\n"
                + "block has exactly <rep> replicas (which can take long when DataNodes are missing).";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        CommandLine line = ShellArgs.parse(ShellArgs.flags("w", "R"), args);
        List<String> rest = line.getArgList();
        ShellArgs.requireAtLeast(rest, 2, "<rep> <path> ...");
        short replication = parseReplication(rest.get(0));
        boolean wait = line.hasOption("w");
        shell.forEach(rest.subList(1, rest.size()), item -> {
            List<FileStatus> files = item.fs().listFilesRecursive(item.path());
            for (FileStatus file : files) {
                PathItem fileItem = item.isDirectory() ? fileItemUnder(item, file) : item;
                fileItem.fs().setReplication(file.path(), replication);
                shell.out().println("Replication " + replication + " set: " + fileItem.display());
            }
            if (wait) {
                for (FileStatus file : files) {
                    PathItem fileItem = item.isDirectory() ? fileItemUnder(item, file) : item;
                    waitForReplication(shell, fileItem, file, replication);
                }
            }
        });
        return ShellArgs.exitCode(shell);
    }

    private static short parseReplication(String text) throws UsageException {
        try {
            int value = Integer.parseInt(text);
            if (value < 1 || value > Short.MAX_VALUE) {
                throw new UsageException("replication must be between 1 and " + Short.MAX_VALUE + ", got " + text);
            }
            return (short) value;
        } catch (NumberFormatException e) {
            throw new UsageException("replication must be a number, got '" + text + "'");
        }
    }

    private static PathItem fileItemUnder(PathItem dir, FileStatus file) {
        String relative = file.path().path().substring(dir.path().path().length()).replaceFirst("^/", "");
        String display = dir.display().endsWith("/") ? dir.display() + relative : dir.display() + "/" + relative;
        return new PathItem(dir.fs(), file.path(), display, file);
    }

    private static void waitForReplication(Shell shell, PathItem item, FileStatus file, short replication) throws IOException {
        shell.out().print("Waiting for " + item.display() + " ...");
        shell.out().flush();
        while (!fullyReplicated(item.fs().getFileBlockLocations(file.path(), 0, Math.max(1, file.length())), replication)) {
            shell.out().print(".");
            shell.out().flush();
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShellError("`" + item.display() + "': interrupted while waiting for replication");
            }
        }
        shell.out().println(" done");
    }

    static boolean fullyReplicated(List<BlockLocation> blocks, short replication) {
        for (BlockLocation block : blocks) {
            if (block.hosts().size() != replication) {
                return false;
            }
        }
        return true;
    }
}
