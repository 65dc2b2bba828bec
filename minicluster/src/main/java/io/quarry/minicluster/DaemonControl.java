package io.quarry.minicluster;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Stops daemons abruptly. A daemon that offers {@code abort()} (drop everything, no graceful
 * shutdown, as a crash would) is aborted; otherwise it is closed.
 */
final class DaemonControl {
    private DaemonControl() {
    }

    static void abort(AutoCloseable daemon) throws Exception {
        Method abort;
        try {
            abort = daemon.getClass().getMethod("abort");
        } catch (NoSuchMethodException e) {
            daemon.close();
            return;
        }
        try {
            abort.invoke(daemon);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
