package io.quarry.scheduler.protocol;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.input.InputSplit;
import java.util.Arrays;
import java.util.List;

/**
 * An input split as it travels: its class name and Kryo bytes (see {@link SplitCodec}), plus the
 * length and hosts the Scheduler schedules by. The Scheduler keeps it as is and hands it back to
 * the worker that runs the map, which decodes it with the job's class loader.
 */
public record SerializedSplit(String className, byte[] bytes, long length, List<String> locations) implements InputSplit {
    public SerializedSplit {
        requireNonNull(className, "className is null");
        requireNonNull(bytes, "bytes of split " + className + " are null");
        if (length < 0) {
            throw new IllegalArgumentException("split of class " + className + " has negative length " + length);
        }
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerializedSplit that && className.equals(that.className) && Arrays.equals(bytes, that.bytes)
                && length == that.length && locations.equals(that.locations);
    }

    @Override
    public int hashCode() {
        return (className.hashCode() * 31 + Arrays.hashCode(bytes)) * 31 + locations.hashCode();
    }

    @Override
    public String toString() {
        return className + "[" + bytes.length + " bytes, length " + length + ", hosts " + locations + "]";
    }
}
