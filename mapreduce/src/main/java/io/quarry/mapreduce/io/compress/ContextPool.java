package io.quarry.mapreduce.io.compress;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small lock-free pool of native codec contexts. Borrowing takes an idle context or makes a new
 * one; releasing parks it in a free slot or closes it when the pool is full. Contexts that saw
 * an error are closed rather than reused.
 */
final class ContextPool<T extends AutoCloseable> {
    private final Supplier<T> factory;
    private final AtomicReferenceArray<T> idle;

    ContextPool(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.idle = new AtomicReferenceArray<>(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    T borrow() {
        for (int i = 0; i < idle.length(); i++) {
            T context = idle.get(i);
            if (context != null && idle.compareAndSet(i, context, null)) {
                return context;
            }
        }
        return factory.get();
    }

    void release(T context, boolean reusable) {
        if (reusable) {
            for (int i = 0; i < idle.length(); i++) {
                if (idle.get(i) == null && idle.compareAndSet(i, null, context)) {
                    return;
                }
            }
        }
        closeQuietly(context);
    }

    private static void closeQuietly(AutoCloseable context) {
        try {
            context.close();
        } catch (Exception e) {
            // Closing a native context frees memory; there is nothing to recover.
        }
    }
}
