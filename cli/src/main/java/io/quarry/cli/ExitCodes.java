package io.quarry.cli;

/** Exit codes of every quarry command. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed (missing path, refused operation, unhealthy fsck, cluster not running). */
    public static final int ERROR = 1;
    /** The command line was wrong: unknown command or option, missing argument, bad configuration value. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
