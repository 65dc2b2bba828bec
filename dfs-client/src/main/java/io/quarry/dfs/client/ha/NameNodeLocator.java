package io.quarry.dfs.client.ha;

import java.io.IOException;
import java.util.Optional;

import io.quarry.common.net.HostAndPort;

/** Finds the NameNode to call: a fixed address, or the active NameNode of an HA pair. */
public interface NameNodeLocator extends AutoCloseable {
    /** The NameNode to call now; empty while none is known (an HA pair between actives). */
    Optional<HostAndPort> current() throws IOException;

    /** A call to {@code address} failed as if it were not the active: look again next time. */
    void failed(HostAndPort address);

    /** True when calls should be retried on whichever NameNode becomes the active. */
    boolean followsFailover();

    @Override
    void close();

    /** The locator of a single NameNode. */
    static NameNodeLocator fixed(HostAndPort address) {
        return new NameNodeLocator() {
            @Override
            public Optional<HostAndPort> current() {
                return Optional.of(address);
            }

            @Override
            public void failed(HostAndPort failed) {
            }

            @Override
            public boolean followsFailover() {
                return false;
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return address.toString();
            }
        };
    }
}
