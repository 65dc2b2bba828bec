package io.quarry.dfs.namenode.controller;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;

/**
 * Whether this NameNode serves clients (active) or only follows the journal (standby). Without
 * HA a NameNode is always active. Read from any thread; changed by the HA supervisor.
 */
public final class ServiceRole {
    public enum State { ACTIVE, STANDBY }

    private volatile State state;
    private volatile long epoch;

    private ServiceRole(State state) {
        this.state = state;
    }

    public static ServiceRole active() {
        return new ServiceRole(State.ACTIVE);
    }

    public static ServiceRole standby() {
        return new ServiceRole(State.STANDBY);
    }

    public State state() {
        return state;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public void set(State next) {
        state = next;
    }

    /** The HA term this NameNode serves in as the active (0 without HA), sent with its DataNode commands. */
    public long epoch() {
        return epoch;
    }

    public void setEpoch(long number) {
        epoch = number;
    }

    /** Refuses a client call with {@link ErrorCode#STANDBY}, which clients answer by finding the active. */
    public void checkActive(String what) throws QuarryException {
        if (state != State.ACTIVE) {
            throw new QuarryException(ErrorCode.STANDBY, what + " refused: this NameNode is a standby; ask the active one");
        }
    }
}
