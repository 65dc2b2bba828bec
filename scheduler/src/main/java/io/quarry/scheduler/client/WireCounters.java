package io.quarry.scheduler.client;

import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.FileSystemCounters;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.TaskCounter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds {@link Counters} from their wire form (group and counter names only, in no order) the
 * way a finished job prints them: the built-in groups first with Hadoop's display names
 * ({@code Job Counters}, {@code Data-local map tasks}), in Hadoop's order, then the job's own
 * groups sorted by name.
 */
public final class WireCounters {
    private static final String BYTES_READ = "_BYTES_READ";
    private static final String BYTES_WRITTEN = "_BYTES_WRITTEN";

    private WireCounters() {
    }

    public static Counters toCounters(Map<String, Map<String, Long>> wire) {
        Map<String, Map<String, Long>> groups = new TreeMap<>(wire);
        Counters counters = new Counters();
        Map<String, Long> fileSystem = groups.remove(FileSystemCounters.class.getName());
        if (fileSystem != null) {
            new TreeMap<>(fileSystem).forEach((name, value) -> fileSystemCounter(counters, name, value));
        }
        addEnumGroup(counters, groups.remove(JobCounter.class.getName()), JobCounter.class);
        addEnumGroup(counters, groups.remove(TaskCounter.class.getName()), TaskCounter.class);
        groups.forEach((group, values) -> new TreeMap<>(values).forEach(
                (name, value) -> counters.counter(group, name).increment(value)));
        return counters;
    }

    private static void fileSystemCounter(Counters counters, String name, long value) {
        if (name.endsWith(BYTES_READ)) {
            scheme(name, BYTES_READ, scheme -> FileSystemCounters.bytesRead(counters, scheme).increment(value));
        } else if (name.endsWith(BYTES_WRITTEN)) {
            scheme(name, BYTES_WRITTEN, scheme -> FileSystemCounters.bytesWritten(counters, scheme).increment(value));
        } else {
            counters.counter(FileSystemCounters.class.getName(), name).increment(value);
        }
    }

    private static void scheme(String name, String suffix, java.util.function.Consumer<String> add) {
        add.accept(name.substring(0, name.length() - suffix.length()).toLowerCase(Locale.ROOT));
    }

    /** The group's known counters in declaration order (with display names), then any the enum does not know. */
    private static <E extends Enum<E>> void addEnumGroup(Counters counters, Map<String, Long> values, Class<E> type) {
        if (values == null) {
            return;
        }
        Map<String, Long> left = new TreeMap<>(values);
        for (E constant : type.getEnumConstants()) {
            Long value = left.remove(constant.name());
            if (value != null) {
                counters.counter(constant).increment(value);
            }
        }
        left.forEach((name, value) -> counters.counter(type.getName(), name).increment(value));
    }
}
