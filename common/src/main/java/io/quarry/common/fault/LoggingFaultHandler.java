package io.quarry.common.fault;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each fault at ERROR and remembers it, so a test or a status page can ask for them. */
public final class LoggingFaultHandler implements FaultHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingFaultHandler.class);

    private final String owner;
    private final List<String> faults = new ArrayList<>();

    public LoggingFaultHandler(String owner) {
        this.owner = owner;
    }

    @Override
    public RuntimeException handle(String what, Throwable cause) {
        LOG.error("{}: fault: {}", owner, what, cause);
        synchronized (faults) {
            faults.add(what + (cause == null ? "" : ": " + cause));
        }
        return new IllegalStateException(owner + ": " + what, cause);
    }

    public List<String> faults() {
        synchronized (faults) {
            return List.copyOf(faults);
        }
    }
}
