package io.quarry.common.ha;

/** Told when this process becomes the active of its role or stops being it; called on the election's thread. */
public interface LeadershipListener {
    /** This process is now the active, in {@code epoch}, and its address is published. */
    void gained(Epoch epoch);

    /** This process is no longer the active (lost the ZooKeeper session, or closed). */
    void lost();

    LeadershipListener NONE = new LeadershipListener() {
        @Override
        public void gained(Epoch epoch) {
        }

        @Override
        public void lost() {
        }
    };
}
