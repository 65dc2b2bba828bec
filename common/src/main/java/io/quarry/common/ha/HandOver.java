package io.quarry.common.ha;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * What {@code quarry haadmin} does to a role's election from outside it: list the candidates and
 * which one is active, and ask the active to hand leadership over gracefully (the active watches
 * {@code /<role>/handover}; see {@link LeaderElection}).
 */
public final class HandOver {
    private static final String SEQUENCE_MARK = "latch-";
    private static final Duration POLL = Duration.ofMillis(50);

    private HandOver() {
    }

    /** The role's candidates in election order, the active flagged; empty when no process has joined. */
    public static List<Participant> participants(CuratorFramework client, String role) throws Exception {
        String latchPath = HaPaths.latch(role);
        List<String> children;
        try {
            children = new ArrayList<>(client.getChildren().forPath(latchPath));
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        }
        children.sort(Comparator.comparing(HandOver::sequence));
        Optional<String> active = LeaderElection.activeAddress(client, role);
        List<Participant> participants = new ArrayList<>();
        for (String child : children) {
            try {
                String address = new String(client.getData().forPath(latchPath + "/" + child), StandardCharsets.UTF_8);
                participants.add(new Participant(address, active.isPresent() && active.get().equals(address)));
            } catch (KeeperException.NoNodeException left) {
                // The candidate left while we listed.
            }
        }
        return participants;
    }

    /** Asks the candidate at {@code activeAddress} to hand leadership over, if it is the active when it reads this. */
    public static void request(CuratorFramework client, String role, String activeAddress) throws Exception {
        byte[] data = activeAddress.getBytes(StandardCharsets.UTF_8);
        String path = HaPaths.handOverRequest(role);
        try {
            client.create().creatingParentContainersIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, data);
        } catch (KeeperException.NodeExistsException earlier) {
            client.setData().forPath(path, data);
        }
    }

    /**
     * Graceful failover: asks the current active to hand over and waits until another candidate is
     * the active; returns its address.
     *
     * @throws HandOverException when there is no active, no other candidate, or no other candidate took
     *                           over within {@code timeout} (the request is then withdrawn)
     */
    public static String failover(CuratorFramework client, String role, Duration timeout) throws Exception {
        String from = LeaderElection.activeAddress(client, role).orElseThrow(() ->
                new HandOverException("No " + role + " is active: nothing to fail over from"));
        long others = participants(client, role).stream().filter(p -> !p.address().equals(from)).count();
        if (others == 0) {
            throw new HandOverException("No standby " + role + " to fail over to: " + from + " is the only candidate");
        }
        request(client, role, from);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> now = LeaderElection.activeAddress(client, role);
            if (now.isPresent() && !now.get().equals(from)) {
                return now.get();
            }
            Thread.sleep(POLL.toMillis());
        }
        withdraw(client, role, from);
        throw new HandOverException("No other " + role + " became active within " + timeout.toMillis() + " ms (was " + from
                + "; now " + LeaderElection.activeAddress(client, role).orElse("none") + ")");
    }

    private static void withdraw(CuratorFramework client, String role, String from) throws Exception {
        String path = HaPaths.handOverRequest(role);
        try {
            if (new String(client.getData().forPath(path), StandardCharsets.UTF_8).equals(from)) {
                client.delete().forPath(path);
            }
        } catch (KeeperException.NoNodeException gone) {
            // Already consumed.
        }
    }

    private static String sequence(String child) {
        int at = child.lastIndexOf(SEQUENCE_MARK);
        return at < 0 ? child : child.substring(at + SEQUENCE_MARK.length());
    }
}
