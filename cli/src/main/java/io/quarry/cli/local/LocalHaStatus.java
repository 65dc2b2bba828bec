package io.quarry.cli.local;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.common.ha.HaSession;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.ha.Participant;

/**
 * The {@code quarry local status} lines of a cluster started with {@code --ha}: every NameNode and
 * Scheduler taking part in its election in the embedded ZooKeeper, with its state, e.g.
 * {@code   namenode   127.0.0.1:8020  active}.
 */
final class LocalHaStatus {
    private static final List<String> ROLES = List.of("namenode", "scheduler");

    private LocalHaStatus() {
    }

    static void print(LocalState state, Configuration conf, PrintStream out) {
        Configuration ha = conf.with(HaConfigKeys.QUORUM, state.zooKeeper());
        if (!conf.isSet(HaConfigKeys.CLUSTER_ID)) {
            ha = ha.with(HaConfigKeys.CLUSTER_ID, LocalHaMasters.CLUSTER_ID);
        }
        try (HaSession session = HaSession.connect(HaSettings.from(ha))) {
            for (String role : ROLES) {
                List<Participant> participants = session.participants(role);
                if (participants.isEmpty()) {
                    out.println(String.format("  %-10s (none in the election)", role));
                }
                for (Participant participant : participants) {
                    out.println(String.format("  %-10s %-21s %s", role, participant.address(), participant.state()));
                }
            }
        } catch (IOException e) {
            out.println("  (cannot read the masters' states from ZooKeeper " + state.zooKeeper() + ": " + e.getMessage() + ")");
        }
    }
}
