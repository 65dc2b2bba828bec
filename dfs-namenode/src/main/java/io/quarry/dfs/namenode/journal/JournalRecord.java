package io.quarry.dfs.namenode.journal;

/** One namespace change in the journal; state changes only by replaying these (see {@code RecordApplier}). */
public interface JournalRecord {
}
