package io.quarry.dfs.namenode.namespace;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

/** POSIX-like checks as HDFS does them; superusers pass everything. A no-op when permissions are disabled. */
public final class PermissionChecker {
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;

    private final boolean enabled;

    public PermissionChecker(boolean enabled) {
        this.enabled = enabled;
    }

    /** Execute on every directory from the root up to (not including) index {@code upTo} of the resolved path. */
    public void checkTraverse(Caller caller, INode[] resolved, int upTo) throws QuarryException {
        for (int i = 0; i < upTo && i < resolved.length; i++) {
            INode node = resolved[i];
            if (node == null) {
                return;
            }
            if (node.isDirectory()) {
                check(caller, node, EXECUTE);
            }
        }
    }

    public void check(Caller caller, INode node, int access) throws QuarryException {
        if (!enabled || caller.superuser()) {
            return;
        }
        int mode = node.permission();
        int bits;
        if (caller.user().equals(node.owner())) {
            bits = (mode >> 6) & 7;
        } else if (caller.groups().contains(node.group())) {
            bits = (mode >> 3) & 7;
        } else {
            bits = mode & 7;
        }
        if ((bits & access) != access) {
            throw denied(caller, node, access);
        }
    }

    public void checkOwner(Caller caller, INode node) throws QuarryException {
        if (!enabled || caller.superuser() || caller.user().equals(node.owner())) {
            return;
        }
        throw new QuarryException(ErrorCode.ACCESS_DENIED, "Permission denied: user=" + caller.user()
                + " is not the owner of inode=\"" + node.fullPath() + "\" (owner " + node.owner() + ")");
    }

    public void checkSuperuser(Caller caller, String what) throws QuarryException {
        if (!enabled || caller.superuser()) {
            return;
        }
        throw new QuarryException(ErrorCode.ACCESS_DENIED, "Permission denied: user=" + caller.user()
                + " is not a superuser; " + what + " needs one");
    }

    public boolean enabled() {
        return enabled;
    }

    private static QuarryException denied(Caller caller, INode node, int access) {
        return new QuarryException(ErrorCode.ACCESS_DENIED, "Permission denied: user=" + caller.user() + ", access="
                + accessName(access) + ", inode=\"" + node.fullPath() + "\":" + node.owner() + ":" + node.group() + ":"
                + modeString(node.isDirectory(), node.permission()));
    }

    private static String accessName(int access) {
        return switch (access) {
            case READ -> "READ";
            case WRITE -> "WRITE";
            case EXECUTE -> "EXECUTE";
            case READ | EXECUTE -> "READ_EXECUTE";
            case WRITE | EXECUTE -> "WRITE_EXECUTE";
            default -> "ALL";
        };
    }

    /** {@code drwxr-xr-x}. */
    public static String modeString(boolean directory, short permission) {
        StringBuilder out = new StringBuilder(directory ? "d" : "-");
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out.append((permission & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        if ((permission & 01000) != 0) {
            out.setCharAt(9, (permission & 1) != 0 ? 't' : 'T');
        }
        return out.toString();
    }
}
