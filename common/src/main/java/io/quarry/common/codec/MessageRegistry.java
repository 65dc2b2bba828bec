package io.quarry.common.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** Collects id → class registrations from every {@link MessageRegistrar} and rejects clashes. */
public final class MessageRegistry {
    /** Ids below this are the codec's own (JDK types and collections). */
    static final int FIRST_MESSAGE_ID = 100;

    private final Map<Integer, Class<?>> byId = new TreeMap<>();
    private final Map<Class<?>, Integer> byClass = new HashMap<>();

    public void register(int id, Class<?> type) {
        requireNonNull(type, "type is null");
        if (id < FIRST_MESSAGE_ID) {
            throw new IllegalArgumentException("Message id " + id + " for " + type.getName() + " is reserved");
        }
        Class<?> previous = byId.get(id);
        if (previous != null && previous != type) {
            throw new IllegalStateException("Message id " + id + " is taken by " + previous.getName()
                    + ", cannot register " + type.getName());
        }
        Integer previousId = byClass.get(type);
        if (previousId != null && previousId != id) {
            throw new IllegalStateException(type.getName() + " is registered with message id " + previousId
                    + ", cannot register it again with id " + id);
        }
        byId.put(id, type);
        byClass.put(type, id);
    }

    Map<Integer, Class<?>> registrations() {
        return byId;
    }
}
