package io.quarry.common.ha;

import static java.util.Objects.requireNonNull;

/**
 * One candidate of a role's election, as {@code quarry haadmin} lists them.
 *
 * @param address the address the candidate publishes when it leads
 * @param active  whether it is the role's active now (its address is the published one)
 */
public record Participant(String address, boolean active) {
    public Participant {
        requireNonNull(address, "address is null");
    }

    /** {@code active} or {@code standby}, as Hadoop's haadmin prints a service state. */
    public String state() {
        return active ? "active" : "standby";
    }
}
