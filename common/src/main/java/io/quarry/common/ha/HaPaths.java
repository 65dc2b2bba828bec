package io.quarry.common.ha;

/** Where a role's HA nodes live, relative to the cluster namespace {@code /quarry/<cluster id>}. */
final class HaPaths {
    private HaPaths() {
    }

    static String role(String role) {
        if (role == null || role.isBlank() || role.contains("/")) {
            throw new IllegalArgumentException("role must be a non-empty name without '/', got '" + role + "'");
        }
        return "/" + role;
    }

    /** Curator's leader latch for the role. */
    static String latch(String role) {
        return role(role) + "/latch";
    }

    /** Ephemeral node holding the active's address. */
    static String active(String role) {
        return role(role) + "/active";
    }

    /** Persistent node asking the active named in it to hand leadership over (graceful failover). */
    static String handOverRequest(String role) {
        return role(role) + "/handover";
    }

    /** Persistent node holding the role's epoch as a decimal number. */
    static String epoch(String role) {
        return role(role) + "/epoch";
    }
}
