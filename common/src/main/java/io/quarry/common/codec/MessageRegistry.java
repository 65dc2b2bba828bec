package io.quarry.common.codec;

import java.util.Map;
import java.util.TreeMap;

/** Collects id → class registrations from every {@link MessageRegistrar} and rejects clashes. */
public final class MessageRegistry {
    /** Ids below this are the codec's own (JDK types and collections). */
    static final int FIRST_MESSAGE_ID = 100;

    private final Map<Integer, Class<?>> byId = new TreeMap<>();

    public void register(int id, Class<?> type) {
        if (id < FIRST_MESSAGE_ID) {
            throw new IllegalArgumentException("Message id " + id + " for " + type.getName() + " is reserved");
        }
        Class<?> previous = byId.putIfAbsent(id, type);
        if (previous != null && previous != type) {
            throw new IllegalStateException("Message id " + id + " is taken by " + previous.getName()
                    + ", cannot register " + type.getName());
        }
    }

    Map<Integer, Class<?>> registrations() {
        return byId;
    }
}
