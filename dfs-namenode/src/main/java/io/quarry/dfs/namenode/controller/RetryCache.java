package io.quarry.dfs.namenode.controller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to recent namespace-changing calls, by client and call id, filled from the journal's
 * call records (live and when replaying or tailing), so a call retried after a lost answer or a
 * failover is answered once. Bounded: the oldest answers are forgotten first. Controller thread only.
 */
public final class RetryCache {
    public static final int DEFAULT_CAPACITY = 200_000;

    private record Key(String clientId, long callId) {
    }

    /** A cached answer; {@code reply} may be null (an acknowledgement). */
    public record Answer(Object reply) {
    }

    private final Map<Key, Answer> answers;

    public RetryCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.answers = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    public void record(String clientId, long callId, Object reply) {
        answers.put(new Key(clientId, callId), new Answer(reply));
    }

    public Optional<Answer> lookup(String clientId, long callId) {
        return Optional.ofNullable(answers.get(new Key(clientId, callId)));
    }

    public int size() {
        return answers.size();
    }
}
