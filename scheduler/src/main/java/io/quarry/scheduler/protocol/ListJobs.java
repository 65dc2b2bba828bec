package io.quarry.scheduler.protocol;

import io.quarry.common.rpc.Idempotent;

/** Asks for every running job and the retained finished ones ({@link JobList}). Idempotent: a pure query. */
public record ListJobs() implements Idempotent {
}
