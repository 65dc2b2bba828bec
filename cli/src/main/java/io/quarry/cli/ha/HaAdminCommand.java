package io.quarry.cli.ha;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarry.cli.Command;
import io.quarry.cli.CommandContext;
import io.quarry.cli.UsageException;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.HandOverException;
import io.quarry.common.ha.Participant;

/**
 * {@code quarry haadmin -getServiceState namenode|scheduler} and {@code -failover namenode|scheduler}:
 * the candidates of a master role as ZooKeeper sees them, and a graceful hand-over from the active
 * to a standby. Like Hadoop's {@code haadmin}, a failed operation exits with 255 (-1).
 */
public final class HaAdminCommand implements Command {
    /** Hadoop's haadmin returns -1 when the operation failed. */
    public static final int FAILED = 255;
    static final List<String> ROLES = List.of("namenode", "scheduler");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "haadmin";
    }

    @Override
    public String summary() {
        return "Show which NameNode / Scheduler is active, or fail over gracefully (HA clusters)";
    }

    @Override
    public String usage() {
        return "Usage: quarry haadmin <-getServiceState | -failover> <namenode | scheduler> [-wait SECONDS]\n"
                + "  -getServiceState ROLE   print every candidate of the role (its address) and whether it is\n"
                + "                          active or standby, in election order\n"
                + "  -failover ROLE          ask the active to hand over; waits (up to -wait, default 60 s) until\n"
                + "                          another candidate is active and prints it\n"
                + "Needs ha.zookeeper.quorum (and quarry.ha.cluster-id when several clusters share a quorum).\n"
                + "Exit codes: 0 done; 255 the operation failed (HA off, ZooKeeper unreachable, no active,\n"
                + "no standby, or no take-over in time); 2 bad command line.";
    }

    @Override
    public int run(CommandContext context, List<String> args) throws Exception {
        if (args.size() != 2 && args.size() != 4) {
            throw new UsageException(args.isEmpty() ? "missing -getServiceState or -failover" : "unexpected arguments " + args);
        }
        String operation = args.get(0);
        String role = args.get(1);
        if (!ROLES.contains(role)) {
            throw new UsageException("unknown role '" + role + "': expected one of " + ROLES);
        }
        Duration wait = DEFAULT_WAIT;
        if (args.size() == 4) {
            if (!args.get(2).equals("-wait")) {
                throw new UsageException("unexpected option '" + args.get(2) + "' (expected -wait SECONDS)");
            }
            wait = seconds(args.get(3));
        }
        if (!operation.equals("-getServiceState") && !operation.equals("-failover")) {
            throw new UsageException("unknown operation '" + operation + "' (expected -getServiceState or -failover)");
        }
        PrintStream out = context.io().out();
        PrintStream err = context.io().err();
        HaSettings settings = HaSettings.from(context.conf());
        if (!settings.enabled()) {
            err.println("haadmin: HA is off: " + HaConfigKeys.QUORUM.name() + " is not set, so there is one " + role
                    + " and no failover");
            return FAILED;
        }
        try (HaSession session = HaSession.connect(settings)) {
            return operation.equals("-getServiceState") ? serviceState(session, role, out, err)
                    : failover(session, role, wait, out, err);
        } catch (IOException e) {
            err.println("haadmin: " + e.getMessage());
            return FAILED;
        }
    }

    private static int serviceState(HaSession session, String role, PrintStream out, PrintStream err) throws Exception {
        List<Participant> participants = session.participants(role);
        Optional<String> active = session.activeAddress(role);
        if (participants.isEmpty()) {
            err.println("haadmin: no " + role + " is running in ZooKeeper " + session.settings().quorum().orElse("")
                    + " (cluster " + session.settings().clusterId() + ")");
            return FAILED;
        }
        int width = participants.stream().mapToInt(p -> p.address().length()).max().orElse(0);
        for (Participant participant : participants) {
            out.println(String.format("%-" + width + "s  %s", participant.address(), participant.state()));
        }
        if (active.isEmpty()) {
            err.println("haadmin: no " + role + " is active right now (an election or take-over may be under way)");
        }
        return 0;
    }

    private static int failover(HaSession session, String role, Duration wait, PrintStream out, PrintStream err)
            throws Exception {
        Optional<String> from = session.activeAddress(role);
        try {
            String to = session.failover(role, wait);
            out.println("Failover from " + from.orElse("?") + " to " + to + " successful");
            return 0;
        } catch (HandOverException e) {
            err.println("haadmin: failover of " + role + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static Duration seconds(String value) throws UsageException {
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 1) {
                throw new UsageException("-wait must be at least 1 second, got " + value);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException("-wait takes a number of seconds, got '" + value + "'");
        }
    }
}
