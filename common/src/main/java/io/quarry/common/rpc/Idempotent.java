package io.quarry.common.rpc;

/** Marks a request message that may be sent again safely, so the client retries it on transient errors. */
public interface Idempotent {
}
