package io.quarry.dfs;

/** Mode bits as users write them: octal ({@code 755}) and {@code ls}-style ({@code rwxr-xr-x}). */
public final class Permissions {
    public static final short DEFAULT_FILE = 0666;
    public static final short DEFAULT_DIRECTORY = 0777;

    private Permissions() {
    }

    /** Parses an octal mode such as {@code 755} or {@code 1777}. */
    public static short parseOctal(String text) {
        if (text == null || !text.matches("[0-7]{1,4}")) {
            throw new IllegalArgumentException("Invalid octal mode '" + text + "': expected 1 to 4 octal digits such as 755");
        }
        return (short) Integer.parseInt(text, 8);
    }

    /** {@code rwxr-xr-x}, with {@code t} or {@code T} for the sticky bit. */
    public static String toSymbolic(short mode) {
        char[] out = new char[9];
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out[i] = (mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-';
        }
        if ((mode & 01000) != 0) {
            out[8] = out[8] == 'x' ? 't' : 'T';
        }
        return new String(out);
    }

    public static short applyUmask(short mode, short umask) {
        return (short) (mode & ~umask);
    }
}
