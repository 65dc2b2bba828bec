package io.quarry.cli.job;

import java.io.PrintStream;
import java.util.List;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.ExitCodes;
import io.quarry.cli.UsageException;
import io.quarry.common.conf.Configuration;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.net.HostAndPort;
import io.quarry.scheduler.client.SchedulerAddress;
import io.quarry.scheduler.protocol.WireJobStatus;
import io.quarry.scheduler.service.SchedulerClient;
import io.quarry.scheduler.service.SchedulerServiceConfigKeys;

/**
 * {@code quarry job -list | -status JOB_ID | -kill JOB_ID}: Hadoop's job verbs, asked of the
 * Scheduler at {@code quarry.scheduler.address}.
 */
public final class JobCommand implements Command {
    static final String NOT_RUNNING_HINT = " (is the Scheduler running? 'quarry scheduler' runs one)";

    @Override
    public String name() {
        return "job";
    }

    @Override
    public String summary() {
        return "List, inspect or kill jobs on the Scheduler";
    }

    @Override
    public String usage() {
        return "Usage: quarry [--conf DIR] [-Dkey=value ...] job <-list | -status <job id> | -kill <job id>>\n"
                + "  -list              the running jobs and those still in the Scheduler's history\n"
                + "  -status <job id>   state, progress, failure and counters of one job\n"
                + "  -kill <job id>     kill a job (a finished job stays as it is)\n"
                + "The Scheduler is found at " + SchedulerServiceConfigKeys.ADDRESS.name() + ".";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("expected -list, -status <job id> or -kill <job id>");
        }
        String verb = normalise(args.get(0));
        switch (verb) {
            case "-list":
                expectArgs(args, 1, "-list takes no arguments");
                break;
            case "-status":
            case "-kill":
                expectArgs(args, 2, verb + " takes exactly one <job id>");
                break;
            default:
                throw new UsageException("unknown option '" + args.get(0) + "'");
        }
        PrintStream out = context.io().out();
        // With ha.zookeeper.quorum set, the client finds the active Scheduler in ZooKeeper.
        try (SchedulerClient client = SchedulerClient.connect(context.conf(), true)) {
            switch (verb) {
                case "-list":
                    out.print(JobReport.list(client.listJobs()));
                    break;
                case "-status":
                    WireJobStatus status = client.jobStatus(args.get(1));
                    out.print(JobReport.status(status));
                    break;
                default:
                    client.killJob(args.get(1), "killed from the command line");
                    out.println("Killed job " + args.get(1));
                    break;
            }
        } catch (QuarryException e) {
            throw withHint(e);
        }
        return ExitCodes.OK;
    }

    /** Accepts Hadoop's single dash and the double-dash spelling. */
    private static String normalise(String option) {
        return option.startsWith("--") ? option.substring(1) : option;
    }

    private static void expectArgs(List<String> args, int count, String problem) throws UsageException {
        if (args.size() != count) {
            throw new UsageException(problem + ", got " + args.subList(1, args.size()));
        }
    }

    /** The configured address, with a wildcard bind host ({@code 0.0.0.0}, {@code ::}) replaced by loopback. */
    static HostAndPort clientAddress(Configuration conf) {
        return SchedulerAddress.forClient(conf);
    }

    private static QuarryException withHint(QuarryException e) {
        String message = e.getMessage();
        if (e.code() == ErrorCode.UNAVAILABLE && message != null && message.startsWith("Cannot connect")) {
            return new QuarryException(e.code(), message + NOT_RUNNING_HINT, e);
        }
        return e;
    }
}
