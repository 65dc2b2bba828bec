package io.quarry.cli.dfs;

import java.util.List;

import io.quarry.cli.UsageException;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** Parses an op's flags with commons-cli; an unknown flag is a usage error, {@code --} ends the flags. */
public final class ShellArgs {
    private ShellArgs() {
    }

    /** Options made of single-letter or word flags without values, e.g. {@code flags("R", "h", "d")}. */
    public static Options flags(String... names) {
        Options options = new Options();
        for (String name : names) {
            options.addOption(Option.builder(name).build());
        }
        return options;
    }

    public static CommandLine parse(Options options, List<String> args) throws UsageException {
        try {
            return DefaultParser.builder().build().parse(options, args.toArray(String[]::new), false);
        } catch (UnrecognizedOptionException e) {
            throw new UsageException("Illegal option " + e.getOption());
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public static void requireAtLeast(List<String> args, int count, String what) throws UsageException {
        if (args.size() < count) {
            throw new UsageException(args.isEmpty() ? "missing " + what : "not enough arguments: expected " + what);
        }
    }

    public static void requireExactly(List<String> args, int count, String what) throws UsageException {
        if (args.size() != count) {
            throw new UsageException("expected " + what + ", got " + (args.isEmpty() ? "nothing" : String.join(" ", args)));
        }
    }

    public static int exitCode(Shell shell) {
        return shell.failed() ? 1 : 0;
    }
}
