package io.quarry.cli;

/** A malformed command line; the command's usage is printed and the exit code is {@link ExitCodes#USAGE}. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
