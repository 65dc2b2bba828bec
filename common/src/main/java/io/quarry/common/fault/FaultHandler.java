package io.quarry.common.fault;

/**
 * Receives "cannot happen" failures. Daemons hand one to each component instead of calling
 * {@code System.exit}, so tests can see that a fault fired.
 */
public interface FaultHandler {
    /** Reports a fault; returns the exception to throw so callers can write {@code throw handler.handle(...)}. */
    RuntimeException handle(String what, Throwable cause);
}
