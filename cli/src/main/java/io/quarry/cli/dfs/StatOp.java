package io.quarry.cli.dfs;

import java.util.List;

import io.quarry.cli.UsageException;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.Permissions;

/**
 * {@code -stat [format] <path> ...}: %n name, %b size, %r replication, %o block size, %F type,
 * %u owner, %g group, %a octal mode, %A symbolic mode, %y/%Y modification time (UTC text /
 * milliseconds), %x/%X access time. The default format is %y.
 */
final class StatOp implements ShellOp {
    @Override
    public List<String> names() {
        return List.of("-stat");
    }

    @Override
    public String usage() {
        return "-stat [format] <path> ...";
    }

    @Override
    public String description() {
        return "Print one line per path in the given format (default %y): %n name, %b size in bytes,\n"
                + "%r replication, %o block size, %F type, %u owner, %g group, %a mode in octal,\n"
                + "%A mode as rwxr-xr-x, %y modification time as yyyy-MM-dd HH:mm:ss (UTC), %Y in ms since\n"
                + "the epoch, %x and %X the access time.";
    }

    @Override
    public int run(Shell shell, String name, List<String> args) throws UsageException {
        List<String> rest = ShellArgs.parse(ShellArgs.flags(), args).getArgList();
        ShellArgs.requireAtLeast(rest, 1, "<path>");
        String format = "%y";
        List<String> paths = rest;
        if (rest.size() > 1 && rest.get(0).contains("%")) {
            format = rest.get(0);
            paths = rest.subList(1, rest.size());
        }
        String chosen = format;
        shell.forEach(paths, item -> shell.out().println(format(chosen, item.status())));
        return ShellArgs.exitCode(shell);
    }

    static String format(String format, FileStatus status) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char field = format.charAt(++i);
            switch (field) {
                case 'n' -> out.append(status.path().name());
                case 'b' -> out.append(status.length());
                case 'r' -> out.append(status.isDirectory() ? 0 : status.replication());
                case 'o' -> out.append(status.blockSize());
                case 'F' -> out.append(status.isDirectory() ? "directory" : "regular file");
                case 'u' -> out.append(status.owner());
                case 'g' -> out.append(status.group());
                case 'a' -> out.append(Integer.toOctalString(status.permission() & 07777));
                case 'A' -> out.append(Permissions.toSymbolic(status.permission()));
                case 'y' -> out.append(ShellFormat.statTime(status.modificationTime()));
                case 'Y' -> out.append(status.modificationTime());
                case 'x' -> out.append(ShellFormat.statTime(status.accessTime()));
                case 'X' -> out.append(status.accessTime());
                case '%' -> out.append('%');
                default -> out.append('%').append(field);
            }
        }
        return out.toString();
    }
}
