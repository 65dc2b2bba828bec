package io.quarry.minicluster.process;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client's sequence of namespace operations and how far it was acknowledged. Item i is:
 * mkdir d-i, create f-i, rename f-i to g-i, and for every third item delete g-i. Operations are
 * strictly sequential per client, so the acknowledged prefix plus at most one in-flight step
 * decide which states are allowed after a crash.
 */
final class ClientHistory {
    private static final int STEPS = 4;
    private static final int ENOUGH = 150;

    private final Path root;
    /** Steps acknowledged in total: item = count / STEPS, step = count % STEPS. */
    private volatile int acknowledged;

    ClientHistory(int client) {
        this.root = new Path("/crash/client-" + client);
    }

    void runUntilFailure(Configuration conf, AtomicInteger ackedTotal, CountDownLatch enoughWork) {
        try (FileSystem fs = FileSystem.get(conf)) {
            for (int count = 0; ; count++) {
                int item = count / STEPS;
                int step = count % STEPS;
                apply(fs, item, step);
                acknowledged = count + 1;
                if (ackedTotal.incrementAndGet() >= ENOUGH * STEPS) {
                    enoughWork.countDown();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The NameNode was killed: the call in flight failed and this client stops.
        }
    }

    private void apply(FileSystem fs, int item, int step) throws IOException {
        switch (step) {
            case 0 -> fs.mkdirs(dir(item));
            case 1 -> fs.create(file(item), false).close();
            case 2 -> fs.rename(file(item), renamed(item));
            case 3 -> {
                if (item % 3 == 0) {
                    fs.delete(renamed(item), false);
                }
            }
            default -> throw new AssertionError(step);
        }
    }

    void verify(FileSystem fs) throws IOException {
        int done = acknowledged;
        int items = done / STEPS + 1;
        for (int item = 0; item < items; item++) {
            int stepsDone = Math.max(0, Math.min(STEPS, done - item * STEPS));
            boolean nextInFlight = stepsDone < STEPS && done == item * STEPS + stepsDone;
            verifyItem(fs, item, stepsDone, nextInFlight);
        }
    }

    /** Checks item's paths given how many of its steps were acknowledged and whether the next was in flight. */
    private void verifyItem(FileSystem fs, int item, int stepsDone, boolean nextInFlight) throws IOException {
        String what = root + " item " + item + " (" + stepsDone + " steps acknowledged" + (nextInFlight ? ", next in flight)" : ")");
        boolean dirExists = fs.exists(dir(item));
        boolean fileExists = fs.exists(file(item));
        boolean renamedExists = fs.exists(renamed(item));
        if (stepsDone >= 1) {
            assertThat(dirExists).as(what + ": directory").isTrue();
        } else if (!nextInFlight) {
            assertThat(dirExists).as(what + ": directory").isFalse();
        }
        State acknowledgedState = stateAfter(item, stepsDone);
        State possibleNext = nextInFlight ? stateAfter(item, stepsDone + 1) : acknowledgedState;
        State actual = new State(fileExists, renamedExists);
        assertThat(actual).as(what).isIn(acknowledgedState, possibleNext);
    }

    /** Steps count from mkdir (1), create (2), rename (3) to the optional delete (4). */
    private static State stateAfter(int item, int steps) {
        return switch (steps) {
            case 0, 1 -> new State(false, false);
            case 2 -> new State(true, false);
            case 3 -> new State(false, true);
            default -> new State(false, item % 3 != 0);
        };
    }

    private record State(boolean file, boolean renamed) {
    }

    private Path dir(int item) {
        return root.child("d-" + item);
    }

    private Path file(int item) {
        return root.child("f-" + item);
    }

    private Path renamed(int item) {
        return root.child("g-" + item);
    }
}
