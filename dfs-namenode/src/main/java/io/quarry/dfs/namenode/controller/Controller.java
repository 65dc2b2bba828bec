package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.concurrent.Threads;
import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.fault.FaultHandler;
import io.quarry.dfs.namenode.journal.Journal;
import io.quarry.dfs.namenode.journal.JournalRecord;

/**
 * The metadata controller: one thread takes events from a queue. An operation validates against
 * the current state and returns records plus a reply; the records are applied at once (through
 * {@link RecordApplier}, as at replay) and appended to the journal, and the reply is released
 * only when the journal has synced them. Reads wait for everything appended before them, so they
 * never reveal a change that is not durable.
 *
 * <p>Operations run one at a time, in a turn ({@link #turn}). A read submitted while the
 * controller is idle (nothing queued or running) runs at once on the submitting thread, usually
 * the RPC I/O thread that decoded it, so it needs no wake-up of the controller thread and its
 * answer is written by the thread that owns the connection. Everything else waits in the queue,
 * in order, for the controller thread. Changes queue too while the journal syncs: run on the I/O
 * thread, concurrent deletes measured slower, as decoding calls and applying changes no longer
 * overlap. With a journal that does not sync (benchmarks, scratch clusters) a change submitted to
 * an idle controller runs inline as well and its records go through {@link Journal#appendNow}: a
 * lone caller's change is applied, written and answered by the I/O thread without waking the
 * controller or the journal writer.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    private static final Runnable STOP = () -> { };
    private static final long SPIN_NANOS = 20_000;

    /** An operation run on the controller thread. */
    @FunctionalInterface
    public interface Operation<T> {
        ControllerResult<T> run() throws QuarryException;
    }

    private final Journal journal;
    private final RecordApplier applier;
    private final FaultHandler faultHandler;
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    /** Held while an operation or event runs: the state is only ever touched by its holder. */
    private final ReentrantLock turn = new ReentrantLock();
    /** Tasks queued and not finished; a call runs inline only when this is zero. */
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    public Controller(Journal journal, RecordApplier applier, FaultHandler faultHandler) {
        this.journal = requireNonNull(journal, "journal is null");
        this.applier = requireNonNull(applier, "applier is null");
        this.faultHandler = requireNonNull(faultHandler, "faultHandler is null");
        this.thread = Threads.named("namenode-controller-%d").newThread(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** Runs an operation on the controller thread; the future completes with its reply once its records are durable. */
    public <T> CompletableFuture<T> submit(String name, Operation<T> operation) {
        CompletableFuture<T> reply = new CompletableFuture<>();
        if (!journal.syncs() && runInline(() -> run(name, operation, reply, true))) {
            return reply;
        }
        if (!enqueue(() -> run(name, operation, reply, false))) {
            reply.completeExceptionally(new QuarryException(ErrorCode.UNAVAILABLE, "NameNode is shutting down; " + name + " not run"));
        }
        return reply;
    }

    /**
     * Runs an operation that journals nothing: on the calling thread when the controller is idle,
     * on the controller thread otherwise. The future completes once everything appended before it
     * is durable.
     */
    public <T> CompletableFuture<T> read(String name, Operation<T> operation) {
        CompletableFuture<T> reply = new CompletableFuture<>();
        if (runInline(() -> run(name, operation, reply, false))) {
            return reply;
        }
        if (!enqueue(() -> run(name, operation, reply, false))) {
            reply.completeExceptionally(new QuarryException(ErrorCode.UNAVAILABLE, "NameNode is shutting down; " + name + " not run"));
        }
        return reply;
    }

    /** Runs an internal event (timer, monitor) on the controller thread. */
    public boolean event(String name, Runnable event) {
        return enqueue(() -> {
            try {
                event.run();
            } catch (RuntimeException e) {
                faultHandler.handle("controller event " + name + " failed", e);
            }
        });
    }

    /** Runs the task now when nothing is queued or running; false when it must be queued. */
    private boolean runInline(Runnable task) {
        if (stopped || queued.get() != 0 || turn.isHeldByCurrentThread() || Thread.currentThread() == thread
                || !turn.tryLock()) {
            return false;
        }
        try {
            // Checked again in the turn: a task queued before it must run first.
            if (stopped || queued.get() != 0) {
                return false;
            }
            task.run();
            return true;
        } finally {
            turn.unlock();
        }
    }

    private boolean enqueue(Runnable task) {
        if (stopped) {
            return false;
        }
        queued.incrementAndGet();
        queue.add(task);
        return true;
    }

    /** @param inline whether the records may be written by this thread ({@link Journal#appendNow}) */
    private <T> void run(String name, Operation<T> operation, CompletableFuture<T> reply, boolean inline) {
        ControllerResult<T> result;
        try {
            result = operation.run();
        } catch (QuarryException e) {
            LOG.debug("{} rejected: {}", name, e.getMessage());
            reply.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            reply.completeExceptionally(new QuarryException(ErrorCode.INTERNAL, name + " failed: " + e, e));
            faultHandler.handle(name + " failed on the controller", e);
            return;
        }
        try {
            for (JournalRecord record : result.records()) {
                applier.apply(record);
            }
            result.afterApply().run();
        } catch (RuntimeException e) {
            reply.completeExceptionally(new QuarryException(ErrorCode.INTERNAL, name + ": applying records failed: " + e, e));
            faultHandler.handle(name + ": applying " + result.records() + " failed", e);
            return;
        }
        CompletableFuture<Long> durable = result.records().isEmpty() ? journal.awaitAppended()
                : inline ? journal.appendNow(result.records()) : journal.append(result.records());
        durable.whenComplete((txid, failure) -> {
            if (failure != null) {
                reply.completeExceptionally(failure);
            } else {
                reply.complete(result.reply());
            }
        });
    }

    private void loop() {
        while (true) {
            Runnable task = queue.poll();
            if (task == null) {
                // Calls often arrive back to back; catching the next one while still awake saves a
                // thread wake-up, which costs more than the call itself on virtual machines.
                long until = System.nanoTime() + SPIN_NANOS;
                while ((task = queue.poll()) == null && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            try {
                if (task == null) {
                    task = queue.take();
                }
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            turn.lock();
            try {
                task.run();
            } finally {
                queued.decrementAndGet();
                turn.unlock();
            }
        }
    }

    /** Runs what is queued, then stops. */
    @Override
    public void close() {
        stopped = true;
        queued.incrementAndGet();
        queue.add(STOP);
        join();
    }

    /** Stops at once; queued work is dropped. */
    public void abort() {
        stopped = true;
        thread.interrupt();
        join();
    }

    private void join() {
        if (thread == Thread.currentThread() || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int queueLength() {
        return queue.size();
    }
}
