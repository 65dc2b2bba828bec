package io.quarry.cli.sql;

import io.quarry.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code quarry sql}, with Hive CLI's option names. */
record SqlOptions(String execute, String file, List<String> initFiles, OutputFormat output, boolean header,
        Map<String, String> variables, Map<String, String> confOverrides, boolean silent, boolean force) {

    static SqlOptions parse(List<String> args) throws UsageException {
        String execute = null;
        String file = null;
        List<String> init = new ArrayList<>();
        OutputFormat output = OutputFormat.TABLE;
        boolean header = false;
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> conf = new LinkedHashMap<>();
        boolean silent = false;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (option) {
                case "-e" -> execute = value(args, ++i, arg);
                case "-f" -> file = value(args, ++i, arg);
                case "-i" -> init.add(value(args, ++i, arg));
                case "--output", "--outputformat" -> {
                    String name = inline != null ? inline : value(args, ++i, arg);
                    output = OutputFormat.fromName(name).orElseThrow(
                            () -> new UsageException("unknown output format '" + name + "' (expected table, tsv or csv)"));
                }
                case "--header" -> header = true;
                case "-d", "--define", "--hivevar" -> put(variables, inline != null ? inline : value(args, ++i, arg), option);
                case "--hiveconf" -> put(conf, inline != null ? inline : value(args, ++i, arg), option);
                case "-S", "--silent" -> silent = true;
                case "--force" -> force = true;
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (execute != null && file != null) {
            throw new UsageException("-e and -f cannot be used together");
        }
        return new SqlOptions(execute, file, List.copyOf(init), output, header, variables, conf, silent, force);
    }

    boolean interactive() {
        return execute == null && file == null;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static void put(Map<String, String> into, String assignment, String option) throws UsageException {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new UsageException(option + " expects name=value, got '" + assignment + "'");
        }
        into.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
}
