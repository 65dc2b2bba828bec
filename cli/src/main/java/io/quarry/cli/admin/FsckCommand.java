package io.quarry.cli.admin;

import java.util.List;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.dfs.protocol.client.Fsck;
import io.quarry.dfs.protocol.client.FsckReport;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code quarry fsck <path> [-files [-blocks [-locations | -racks]]]}: exit 0 when HEALTHY, 1 otherwise. */
public final class FsckCommand implements Command {
    @Override
    public String name() {
        return "fsck";
    }

    @Override
    public String summary() {
        return "Check the health of the blocks under a path";
    }

    @Override
    public String usage() {
        return "Usage: quarry fsck <path> [-files [-blocks [-locations | -racks]]]\n"
                + "  <path>      start checking from this path (/ for everything)\n"
                + "  -files      print each file checked\n"
                + "  -blocks     print each file's blocks (needs -files)\n"
                + "  -locations  print the DataNodes of each block (needs -blocks)\n"
                + "  -racks      print the racks of each block's DataNodes (needs -blocks)\n"
                + "Exit code 0 when the path is HEALTHY, 1 when blocks are missing or corrupt or fsck failed.\n"
                + "With ha.zookeeper.quorum set, fsck asks the active NameNode found in ZooKeeper and follows a failover.";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        Options options = new Options();
        for (String name : List.of("files", "blocks", "locations", "racks")) {
            options.addOption(Option.builder(name).build());
        }
        CommandLine line;
        try {
            line = DefaultParser.builder().build().parse(options, args.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected exactly one <path>, got " + line.getArgList());
        }
        boolean files = line.hasOption("files");
        boolean blocks = line.hasOption("blocks");
        boolean locations = line.hasOption("locations");
        boolean racks = line.hasOption("racks");
        if ((blocks && !files) || ((locations || racks) && !blocks)) {
            throw new UsageException("-blocks needs -files, and -locations or -racks need -blocks");
        }
        if (locations && racks) {
            throw new UsageException("-locations and -racks cannot be combined");
        }
        String path = line.getArgList().get(0);
        if (!path.startsWith("/")) {
            throw new UsageException("the path must be absolute, got '" + path + "'");
        }
        try (NameNodeClient client = new NameNodeClient("fsck", context.conf())) {
            FsckReport report = client.call(new Fsck(path, files, blocks, locations, racks), FsckReport.class);
            context.io().out().print(report.text());
            if (!report.text().endsWith("\n")) {
                context.io().out().println();
            }
            return report.healthy() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }
}
