package io.quarry.mapreduce;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of counter groups: the built-in ones ({@link TaskCounter}, {@link JobCounter},
 * {@link FileSystemCounters}) and the user's. Not thread-safe: each task owns its own, and the
 * runner adds them up.
 */
public final class Counters {
    private final Map<String, CounterGroup> groups = new LinkedHashMap<>();

    /** A counter named by an enum constant; built-in enums carry Hadoop's display names. */
    public Counter counter(Enum<?> key) {
        Class<?> type = key.getDeclaringClass();
        String displayName = key instanceof DisplayNamed named ? named.displayName() : key.name();
        return group(type.getName(), groupDisplayName(type)).counter(key.name(), displayName);
    }

    /** A counter named by group and name, created on first use. */
    public Counter counter(String group, String name) {
        return group(group, group).counter(name);
    }

    /** The value of a counter, 0 if it was never used. */
    public long value(Enum<?> key) {
        CounterGroup group = groups.get(key.getDeclaringClass().getName());
        if (group == null) {
            return 0;
        }
        for (Counter counter : group.counters()) {
            if (counter.name().equals(key.name())) {
                return counter.value();
            }
        }
        return 0;
    }

    /** The value of a named counter, 0 if it was never used. */
    public long value(String group, String name) {
        CounterGroup found = groups.get(group);
        if (found == null) {
            return 0;
        }
        for (Counter counter : found.counters()) {
            if (counter.name().equals(name)) {
                return counter.value();
            }
        }
        return 0;
    }

    public CounterGroup group(String name) {
        return group(name, name);
    }

    CounterGroup group(String name, String displayName) {
        return groups.computeIfAbsent(name, n -> new CounterGroup(n, displayName));
    }

    public Collection<CounterGroup> groups() {
        return Collections.unmodifiableCollection(groups.values());
    }

    /** Adds every counter of {@code other} to this set. */
    public void add(Counters other) {
        for (CounterGroup theirs : other.groups()) {
            CounterGroup mine = group(theirs.name(), theirs.displayName());
            for (Counter counter : theirs.counters()) {
                mine.counter(counter.name(), counter.displayName()).increment(counter.value());
            }
        }
    }

    /** A copy that later changes to this set do not affect. */
    public Counters copy() {
        Counters copy = new Counters();
        copy.add(this);
        return copy;
    }

    public int size() {
        return groups.values().stream().mapToInt(CounterGroup::size).sum();
    }

    /** Hadoop's end-of-job layout: a header, each group's display name, then its counters. */
    public String format() {
        StringBuilder out = new StringBuilder("Counters: ").append(size()).append('\n');
        for (CounterGroup group : groups.values()) {
            out.append('\t').append(group.displayName()).append('\n');
            for (Counter counter : group.counters()) {
                out.append("\t\t").append(counter.displayName()).append('=').append(counter.value()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String groupDisplayName(Class<?> type) {
        if (type == TaskCounter.class) {
            return "Map-Reduce Framework";
        }
        if (type == JobCounter.class) {
            return "Job Counters";
        }
        if (type == FileSystemCounters.class) {
            return "File System Counters";
        }
        return type.getName();
    }

    /** Implemented by counter enums that carry a human-readable name. */
    public interface DisplayNamed {
        String displayName();
    }
}
