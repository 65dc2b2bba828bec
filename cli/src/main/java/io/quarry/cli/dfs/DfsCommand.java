package io.quarry.cli.dfs;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.common.conf.EditDistance;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;

/**
 * {@code quarry dfs -<op> [args]}: the filesystem shell, with Hadoop FsShell's ops, messages and
 * layouts. Exit code 0 on success, 1 when any path failed ({@code <op>: <message>} on stderr),
 * 2 on bad usage.
 */
public final class DfsCommand implements Command {
    private final Map<String, ShellOp> ops = new LinkedHashMap<>();
    private final List<ShellOp> listed;

    public DfsCommand() {
        listed = List.of(new LsOp(), new MkdirOp(), new PutOp(), new GetOp(), new CatOp(), new TailOp(), new RmOp(),
                new RmdirOp(), new MvOp(), new CpOp(), new DuOp(), new CountOp(), new StatOp(), new TestOp(),
                new SetrepOp(), new ChmodOp(), OwnerOp.chown(), OwnerOp.chgrp(), new TouchzOp());
        for (ShellOp op : listed) {
            for (String name : op.names()) {
                ops.put(name, op);
            }
        }
    }

    @Override
    public String name() {
        return "dfs";
    }

    @Override
    public String summary() {
        return "Filesystem shell: -ls, -put, -get, -cat, -rm, ... on qfs:// and file:// paths";
    }

    @Override
    public String usage() {
        StringBuilder text = new StringBuilder("Usage: quarry dfs [generic options]\n");
        for (ShellOp op : listed) {
            text.append("\t[").append(op.usage()).append("]\n");
        }
        text.append("\t[-help [op ...]]\n");
        text.append("Paths without a scheme are in fs.defaultFS; relative paths are under /user/<user>.\n");
        text.append("file:///... and qfs://host:port/... name other filesystems. Globs (* ? [ab] {a,b}) are expanded.\n");
        text.append("Exit codes: 0 success, 1 failure (\"<op>: <message>\" on stderr), 2 bad usage.");
        return text.toString();
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing an operation such as -ls");
        }
        String opName = args.get(0);
        List<String> opArgs = args.subList(1, args.size());
        if (opName.equals("-help") || opName.equals("-usage")) {
            printHelp(context.io().out(), opArgs);
            return ExitCodes.OK;
        }
        ShellOp op = ops.get(opName);
        if (op == null) {
            context.io().err().println(opName + ": Unknown command" + suggestion(opName));
            context.io().err().println(usage());
            return ExitCodes.USAGE;
        }
        String shortName = opName.substring(1);
        try (Shell shell = new Shell(context, shortName)) {
            return op.run(shell, opName, opArgs);
        } catch (UsageException e) {
            context.io().err().println(shortName + ": " + e.getMessage());
            context.io().err().println("Usage: quarry dfs [generic options] " + op.usage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            context.io().err().println(shortName + ": " + ShellError.describe(e));
            return ExitCodes.ERROR;
        }
    }

    private void printHelp(PrintStream out, List<String> names) {
        List<ShellOp> chosen = names.isEmpty() ? listed : names.stream()
                .map(name -> ops.get(name.startsWith("-") ? name : "-" + name))
                .filter(op -> op != null)
                .toList();
        if (names.isEmpty()) {
            out.println(usage());
            out.println();
        }
        for (ShellOp op : chosen) {
            out.println(op.usage() + " :");
            for (String line : op.description().split("\n")) {
                out.println("  " + line);
            }
            out.println();
        }
    }

    private String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : ops.keySet()) {
            int distance = EditDistance.between(name, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }
}
