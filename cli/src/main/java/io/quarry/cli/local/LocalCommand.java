package io.quarry.cli.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.common.net.HostAndPort;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code quarry local start|stop|status}: a single-node cluster in one background JVM. */
public final class LocalCommand implements Command {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String summary() {
        return "Start, stop or check a single-node cluster on this machine";
    }

    @Override
    public String usage() {
        return "Usage: quarry local start [--dir DIR] [--datanodes N] [--ha]\n"
                + "       quarry local stop [--dir DIR]\n"
                + "       quarry local status [--dir DIR]\n"
                + "  start    run a NameNode (qfs://127.0.0.1:8020, status page on 9870 or a free port), N\n"
                + "           DataNodes (default 1), a Scheduler (127.0.0.1:8030) and a Worker in one background\n"
                + "           JVM; returns once the cluster is ready. While it runs, quarry jar submits jobs to it.\n"
                + "           Data, logs (logs/local.log) and the pid file live in DIR, so a restart on the\n"
                + "           same DIR keeps the data.\n"
                + "  stop     stop it (SIGTERM, then SIGKILL after 30 s)\n"
                + "  status   print whether it runs and where; exit 0 when running, 1 when not\n"
                + "  --dir DIR        default <quarry.tmp.dir>/local, i.e. <java.io.tmpdir>/quarry-<user>/local\n"
                + "  --datanodes N    DataNodes to run (start only), default 1\n"
                + "  --ha             (start only) also run an embedded ZooKeeper, a second NameNode (next port,\n"
                + "                   status page 9871 or a free port; both journal to ZooKeeper) and a standby\n"
                + "                   Scheduler; clients use qfs://local and follow the active; try\n"
                + "                   'quarry haadmin -failover namenode|scheduler'. status lists both and their states\n"
                + "Set -Ddfs.namenode.rpc-address=127.0.0.1:PORT (-Dquarry.scheduler.address=127.0.0.1:PORT) to serve\n"
                + "the NameNode (the Scheduler) on another port.";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing start, stop or status");
        }
        String action = args.get(0);
        Options options = new Options();
        options.addOption(Option.builder().longOpt("dir").hasArg().argName("DIR").build());
        if (action.equals("start")) {
            options.addOption(Option.builder().longOpt("datanodes").hasArg().argName("N").build());
            options.addOption(Option.builder().longOpt("ha").build());
        }
        CommandLine line;
        try {
            line = DefaultParser.builder().build().parse(options, args.subList(1, args.size()).toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected arguments " + line.getArgList());
        }
        LocalDirs dirs = line.hasOption("dir") ? new LocalDirs(Paths.get(line.getOptionValue("dir"))) : LocalDirs.defaults(context.conf());
        LocalProcess process = new LocalProcess(dirs);
        return switch (action) {
            case "start" -> start(context, dirs, process, dataNodes(line), line.hasOption("ha"));
            case "stop" -> stop(context.io().out(), dirs, process);
            case "status" -> status(context, dirs, process);
            default -> throw new UsageException("unknown action '" + action + "': expected start, stop or status");
        };
    }

    private static int dataNodes(CommandLine line) throws UsageException {
        String text = line.getOptionValue("datanodes", "1");
        try {
            int count = Integer.parseInt(text);
            if (count < 1 || count > 32) {
                throw new UsageException("--datanodes must be between 1 and 32, got " + text);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new UsageException("--datanodes must be a number, got '" + text + "'");
        }
    }

    private static int start(CommandContext context, LocalDirs dirs, LocalProcess process, int dataNodes, boolean ha)
            throws Exception {
        PrintStream out = context.io().out();
        Optional<ProcessHandle> running = process.running();
        if (running.isPresent()) {
            out.println("Local cluster already running (pid " + running.get().pid() + "): " + describe(dirs)
                    + ", logs in " + dirs.logFile());
            return ExitCodes.OK;
        }
        HostAndPort rpc = LocalCluster.rpcAddress(context.conf());
        if (!LocalCluster.isFree(rpc)) {
            throw new IOException("Cannot start the local cluster: " + rpc + " is in use by another process. Stop it, or serve "
                    + "on another port with -Ddfs.namenode.rpc-address=127.0.0.1:PORT (and -Dfs.defaultFS=qfs://127.0.0.1:PORT "
                    + "for the commands that use it)");
        }
        HostAndPort scheduler = LocalCluster.schedulerAddress(context.conf());
        if (!LocalCluster.isFree(scheduler)) {
            throw new IOException("Cannot start the local cluster: " + scheduler + " is in use by another process. Stop it, or "
                    + "serve the Scheduler on another port with -Dquarry.scheduler.address=127.0.0.1:PORT");
        }
        out.println("Starting a local cluster in " + dirs.base() + " ...");
        out.flush();
        ProcessHandle handle = process.start(dataNodes, ha, context.confDir(), context.overrides(), START_TIMEOUT);
        out.println("Local cluster running (pid " + handle.pid() + "): " + describe(dirs) + ", logs in " + dirs.logFile());
        return ExitCodes.OK;
    }

    private static int stop(PrintStream out, LocalDirs dirs, LocalProcess process) throws Exception {
        Optional<ProcessHandle> running = process.running();
        if (running.isEmpty()) {
            out.println("No local cluster running in " + dirs.base());
            return ExitCodes.OK;
        }
        boolean killed = process.stop(running.get(), STOP_GRACE);
        out.println("Local cluster stopped (pid " + running.get().pid() + (killed ? ", killed after " + STOP_GRACE.toSeconds()
                + " s" : "") + ")");
        return ExitCodes.OK;
    }

    private static int status(CommandContext context, LocalDirs dirs, LocalProcess process) throws Exception {
        PrintStream out = context.io().out();
        Optional<ProcessHandle> running = process.running();
        if (running.isEmpty()) {
            out.println("Local cluster not running (" + dirs.base() + ")");
            return ExitCodes.ERROR;
        }
        out.println("Local cluster running (pid " + running.get().pid() + "): " + describe(dirs) + ", logs in " + dirs.logFile());
        LocalState state = LocalState.read(dirs.stateFile());
        if (state != null && state.highlyAvailable()) {
            LocalHaStatus.print(state, context.conf(), out);
        }
        return ExitCodes.OK;
    }

    private static String describe(LocalDirs dirs) throws IOException {
        LocalState state = LocalState.read(dirs.stateFile());
        return state == null ? "starting" : state.describe();
    }
}
