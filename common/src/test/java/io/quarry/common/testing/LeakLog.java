package io.quarry.common.testing;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * A Logback appender that remembers Netty's leak reports ({@code LEAK: ...} at ERROR from
 * {@code io.netty.util.ResourceLeakDetector}), so {@link NoLeaks} can fail the test that leaked.
 * Attach it to that logger in the module's {@code logback-test.xml}:
 * {@code <appender name="leaks" class="io.quarry.common.testing.LeakLog"/>}.
 */
public final class LeakLog extends AppenderBase<ILoggingEvent> {
    private static final List<String> REPORTS = new ArrayList<>();
    private static volatile boolean attached;

    @Override
    public void start() {
        attached = true;
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getFormattedMessage().contains("LEAK")) {
            synchronized (REPORTS) {
                REPORTS.add(event.getFormattedMessage());
            }
        }
    }

    /** Whether the logging configuration routes leak reports here; without it no leak can be seen. */
    public static boolean attached() {
        return attached;
    }

    public static int count() {
        synchronized (REPORTS) {
            return REPORTS.size();
        }
    }

    public static List<String> since(int index) {
        synchronized (REPORTS) {
            return List.copyOf(REPORTS.subList(Math.min(index, REPORTS.size()), REPORTS.size()));
        }
    }
}
