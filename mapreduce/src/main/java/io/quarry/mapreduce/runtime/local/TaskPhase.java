package io.quarry.mapreduce.runtime.local;

import io.quarry.mapreduce.JobStatus;
import io.quarry.mapreduce.TaskAttemptContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the tasks of one phase (maps or reduces) on a fixed number of threads. The first failure
 * interrupts the others and is rethrown; progress and counts can be read while it runs.
 */
final class TaskPhase {
    /** How long interrupted tasks get to stop before the job cleans up around them. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final String name;
    private final int total;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger killed = new AtomicInteger();
    private volatile List<TaskAttemptContext> contexts = List.of();
    private volatile ExecutorService pool;
    private volatile boolean cancelled;

    TaskPhase(String name, int total) {
        this.name = name;
        this.total = total;
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    record Attempt<T>(TaskAttemptContext context, Work<T> work) {
    }

    /** Runs every attempt; returns their results in the order given. */
    <T> List<T> run(List<Attempt<T>> attempts, int slots, Consumer<TaskAttemptContext> onSuccess) throws Exception {
        contexts = attempts.stream().map(Attempt::context).toList();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(slots, r -> {
            Thread thread = new Thread(r, "local-" + name + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            return thread;
        });
        pool = executor;
        if (cancelled) {
            executor.shutdownNow();
            throw new InterruptedException(name + " phase cancelled");
        }
        Object[] results = new Object[attempts.size()];
        CompletionService<Integer> done = new ExecutorCompletionService<>(executor);
        for (int i = 0; i < attempts.size(); i++) {
            int index = i;
            Attempt<T> attempt = attempts.get(i);
            done.submit(() -> {
                running.incrementAndGet();
                try {
                    results[index] = attempt.work().run();
                    attempt.context().setProgress(1f);
                    succeeded.incrementAndGet();
                    onSuccess.accept(attempt.context());
                    return index;
                } catch (InterruptedException e) {
                    killed.incrementAndGet();
                    throw e;
                } catch (Throwable e) {
                    (cancelled ? killed : failed).incrementAndGet();
                    throw e;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        try {
            for (int i = 0; i < attempts.size(); i++) {
                done.take().get();
            }
        } catch (ExecutionException e) {
            cancelled = true;
            throw asException(e.getCause());
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        @SuppressWarnings("unchecked")
        List<T> ordered = (List<T>) new ArrayList<>(Arrays.asList(results));
        return ordered;
    }

    void cancel() {
        cancelled = true;
        ExecutorService executor = pool;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Mean progress of the phase's tasks, 0 to 1; 0 for a phase with no tasks. */
    float progress() {
        List<TaskAttemptContext> current = contexts;
        if (current.isEmpty()) {
            return 0f;
        }
        double sum = 0;
        for (TaskAttemptContext context : current) {
            sum += context.progress();
        }
        return (float) (sum / current.size());
    }

    JobStatus.TaskCounts counts() {
        return new JobStatus.TaskCounts(total, running.get(), succeeded.get(), failed.get(), killed.get());
    }

    private static Exception asException(Throwable cause) {
        if (cause instanceof Exception exception) {
            return exception;
        }
        return new java.io.IOException(cause.toString(), cause);
    }
}
