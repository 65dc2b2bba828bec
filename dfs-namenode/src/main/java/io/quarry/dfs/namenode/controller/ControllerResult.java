package io.quarry.dfs.namenode.controller;

import static java.util.Objects.requireNonNull;

import java.util.List;

import io.quarry.dfs.namenode.journal.JournalRecord;

/**
 * What an operation produced: the records to journal and apply, the reply to send once they are
 * durable, and in-memory follow-up (block locations, commands) to run right after they are applied.
 */
public record ControllerResult<T>(List<JournalRecord> records, T reply, Runnable afterApply) {
    private static final Runnable NOTHING = () -> { };

    public ControllerResult {
        records = List.copyOf(records);
        requireNonNull(afterApply, "afterApply is null");
    }

    public static <T> ControllerResult<T> of(T reply, JournalRecord... records) {
        return new ControllerResult<>(List.of(records), reply, NOTHING);
    }

    public static <T> ControllerResult<T> of(T reply, List<JournalRecord> records) {
        return new ControllerResult<>(records, reply, NOTHING);
    }

    public ControllerResult<T> then(Runnable next) {
        return new ControllerResult<>(records, reply, next);
    }
}
