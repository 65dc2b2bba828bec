package io.quarry.cli.dfs;

import java.io.FileNotFoundException;
import java.io.IOException;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

/** A failure on one path, worded as Hadoop's FsShell words it: {@code `/x': No such file or directory}. */
public final class ShellError extends IOException {
    /** Appended when nothing answers at the NameNode's address. */
    public static final String NOT_RUNNING_HINT = " (is the NameNode running? 'quarry local start' starts a single-node cluster)";

    public ShellError(String message) {
        super(message);
    }

    public static ShellError notFound(String display) {
        return new ShellError("`" + display + "': No such file or directory");
    }

    public static ShellError exists(String display) {
        return new ShellError("`" + display + "': File exists");
    }

    public static ShellError isDirectory(String display) {
        return new ShellError("`" + display + "': Is a directory");
    }

    public static ShellError notDirectory(String display) {
        return new ShellError("`" + display + "': Is not a directory");
    }

    public static ShellError notEmpty(String display) {
        return new ShellError("`" + display + "': Directory is not empty");
    }

    /** The message for a failure not tied to one path (opening the filesystem, resolving a destination). */
    public static String describe(IOException e) {
        if (e instanceof QuarryException quarry && quarry.code() == ErrorCode.UNAVAILABLE) {
            return describe(e, "");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The message printed after {@code <cmd>: } for a failure on the path shown as {@code display}. */
    public static String describe(IOException e, String display) {
        if (e instanceof ShellError) {
            return e.getMessage();
        }
        if (e instanceof FileNotFoundException) {
            return notFound(display).getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof QuarryException quarry) {
            switch (quarry.code()) {
                case FILE_NOT_FOUND:
                    return notFound(display).getMessage();
                case FILE_ALREADY_EXISTS:
                    return exists(display).getMessage();
                case IS_A_DIRECTORY:
                    return isDirectory(display).getMessage();
                case NOT_A_DIRECTORY:
                case PARENT_NOT_DIRECTORY:
                    return notDirectory(display).getMessage();
                case DIRECTORY_NOT_EMPTY:
                    return notEmpty(display).getMessage();
                case UNAVAILABLE:
                    return message.startsWith("Cannot connect") ? message + NOT_RUNNING_HINT : message;
                case ACCESS_DENIED:
                    return message.startsWith("Permission denied") ? message : "Permission denied: " + message;
                default:
                    return message;
            }
        }
        return message;
    }
}
