package io.quarry.minicluster;

/** {@link CorruptReplicaTest} with short-circuit reads off: the socket reader meets the bad replica. */
class SocketReadCorruptReplicaTest extends CorruptReplicaTest {
    @Override
    boolean shortCircuitReads() {
        return false;
    }
}
