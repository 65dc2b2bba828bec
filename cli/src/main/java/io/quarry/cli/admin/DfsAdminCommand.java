package io.quarry.cli.admin;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.dfs.protocol.client.DatanodeReport;
import io.quarry.dfs.protocol.client.GetDatanodeReport;
import io.quarry.dfs.protocol.client.SafeModeAction;
import io.quarry.dfs.protocol.client.SafeModeStatus;
import io.quarry.dfs.protocol.client.SetSafeMode;

/** {@code quarry dfsadmin -report} and {@code quarry dfsadmin -safemode get|enter|leave|wait}. */
public final class DfsAdminCommand implements Command {
    private static final long SAFEMODE_POLL_MILLIS = 500;

    @Override
    public String name() {
        return "dfsadmin";
    }

    @Override
    public String summary() {
        return "Cluster report and safe mode control";
    }

    @Override
    public String usage() {
        return "Usage: quarry dfsadmin <-report | -safemode get|enter|leave|wait>\n"
                + "  -report                  cluster capacity and use, then every live and dead DataNode\n"
                + "                           (name, rack, capacity, used, remaining, last contact)\n"
                + "  -safemode get            say whether the NameNode is in safe mode\n"
                + "  -safemode enter|leave    enter or leave safe mode (superuser only)\n"
                + "  -safemode wait           return once the NameNode has left safe mode\n"
                + "With ha.zookeeper.quorum set, calls go to the active NameNode found in ZooKeeper and follow a failover.";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        if (args.equals(List.of("-report"))) {
            try (NameNodeClient client = new NameNodeClient("dfsadmin", context.conf())) {
                ReportFormat.print(client.call(new GetDatanodeReport(), DatanodeReport.class), context.io().out());
            }
            return ExitCodes.OK;
        }
        if (args.size() == 2 && args.get(0).equals("-safemode")) {
            return safeMode(context, args.get(1));
        }
        throw new UsageException(args.isEmpty() ? "missing -report or -safemode" : "unexpected arguments " + args);
    }

    private static int safeMode(CommandContext context, String actionName) throws Exception {
        PrintStream out = context.io().out();
        String action = actionName.toLowerCase(Locale.ROOT);
        if (!List.of("get", "enter", "leave", "wait").contains(action)) {
            throw new UsageException("-safemode takes get, enter, leave or wait, got '" + actionName + "'");
        }
        try (NameNodeClient client = new NameNodeClient("dfsadmin", context.conf())) {
            SafeModeAction request = switch (action) {
                case "enter" -> SafeModeAction.ENTER;
                case "leave" -> SafeModeAction.LEAVE;
                default -> SafeModeAction.GET;
            };
            SafeModeStatus status = client.call(new SetSafeMode(request), SafeModeStatus.class);
            while (action.equals("wait") && status.on()) {
                TimeUnit.MILLISECONDS.sleep(SAFEMODE_POLL_MILLIS);
                status = client.call(new SetSafeMode(SafeModeAction.GET), SafeModeStatus.class);
            }
            out.println("Safe mode is " + (status.on() ? "ON" : "OFF"));
            if (status.on() && status.message() != null && !status.message().isBlank()) {
                out.println(status.message());
            }
            return ExitCodes.OK;
        }
    }
}
