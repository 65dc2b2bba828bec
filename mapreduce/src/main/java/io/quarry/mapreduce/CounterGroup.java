package io.quarry.mapreduce;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counters of one group, in the order they were first used. */
public final class CounterGroup {
    private final String name;
    private final String displayName;
    private final Map<String, Counter> counters = new LinkedHashMap<>();

    CounterGroup(String name, String displayName) {
        this.name = name;
        this.displayName = displayName;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public Counter counter(String counterName) {
        return counter(counterName, counterName);
    }

    Counter counter(String counterName, String counterDisplayName) {
        return counters.computeIfAbsent(counterName, n -> new Counter(n, counterDisplayName));
    }

    public Collection<Counter> counters() {
        return Collections.unmodifiableCollection(counters.values());
    }

    public int size() {
        return counters.size();
    }
}
