package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.KryoSerde;
import io.quarry.mapreduce.io.OutputBuffer;
import java.util.Arrays;

/**
 * Turns input splits into {@link SerializedSplit}s and back with the same Kryo set-up as
 * {@link KryoSerde} (a split is plain data, e.g. {@link io.quarry.mapreduce.input.FileSplit} with
 * its {@link io.quarry.dfs.Path}). Only the job client and the worker call this; the Scheduler never
 * decodes a split.
 */
public final class SplitCodec {
    private SplitCodec() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SerializedSplit encode(InputSplit split) {
        requireNonNull(split, "split is null");
        if (split instanceof SerializedSplit already) {
            return already;
        }
        KryoSerde serde = new KryoSerde(split.getClass());
        OutputBuffer out = new OutputBuffer();
        serde.write(split, out);
        byte[] bytes = Arrays.copyOf(out.bytes(), out.length());
        return new SerializedSplit(split.getClass().getName(), bytes, split.length(), split.locations());
    }

    /** Decodes a split with {@code loader} (the job's class loader on a worker). */
    public static InputSplit decode(SerializedSplit split, ClassLoader loader) throws QuarryException {
        requireNonNull(split, "split is null");
        Class<?> type;
        try {
            type = Class.forName(split.className(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Split class " + split.className() + " is not on the class path: " + e, e);
        }
        if (!InputSplit.class.isAssignableFrom(type)) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Split class " + split.className() + " is not an "
                    + InputSplit.class.getName());
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            KryoSerde<? extends InputSplit> serde = new KryoSerde<>(type.asSubclass(InputSplit.class));
            return serde.read(split.bytes(), 0, split.bytes().length, null);
        } catch (RuntimeException e) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Cannot decode split " + split + ": " + e.getMessage(), e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
