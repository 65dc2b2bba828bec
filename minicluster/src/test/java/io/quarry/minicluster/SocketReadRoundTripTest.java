package io.quarry.minicluster;

/** {@link FileRoundTripTest} with short-circuit reads off: every read streams from a DataNode's socket. */
class SocketReadRoundTripTest extends FileRoundTripTest {
    @Override
    boolean shortCircuitReads() {
        return false;
    }
}
