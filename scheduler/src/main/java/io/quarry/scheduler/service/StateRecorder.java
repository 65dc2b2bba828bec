package io.quarry.scheduler.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Writes to the {@link SchedulerStateStore} for the event thread. The first write that fails
 * breaks it for good: this Scheduler can no longer act as the active (it was deposed, or lost
 * ZooKeeper), so it says so once to {@code failed} and refuses every later write.
 */
final class StateRecorder {
    private final SchedulerStateStore store;
    private final Consumer<Exception> failed;
    private Exception broken;

    StateRecorder(SchedulerStateStore store, Consumer<Exception> failed) {
        this.store = requireNonNull(store, "store is null");
        this.failed = requireNonNull(failed, "failed is null");
    }

    SchedulerStateStore store() {
        return store;
    }

    /** Whether a write failed: the Scheduler must stop serving as the active. */
    boolean isBroken() {
        return broken != null;
    }

    @FunctionalInterface
    interface Write {
        void run(SchedulerStateStore store) throws IOException;
    }

    /** Runs the write; throws {@link StateUnavailableException} when it (or an earlier one) failed. */
    void record(String what, Write write) {
        if (broken != null) {
            throw new StateUnavailableException("The Scheduler cannot save its state any more (" + broken.getMessage()
                    + "); refusing to " + what, broken);
        }
        try {
            write.run(store);
        } catch (IOException | RuntimeException e) {
            broken = e;
            failed.accept(e);
            throw new StateUnavailableException("The Scheduler could not save its state to " + what + ": " + e.getMessage(), e);
        }
    }

    /** A write of the Scheduler's state failed; the call that needed it is answered as by a standby. */
    static final class StateUnavailableException extends RuntimeException {
        StateUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
