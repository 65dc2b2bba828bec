package io.quarry.common.ha;

/**
 * One leader's term: the number it wrote to the role's epoch node, and the node's ZooKeeper version
 * after that write. A write checked against {@code zkVersion} succeeds only while no newer leader has
 * written the epoch node.
 */
public record Epoch(long number, int zkVersion) {
    public Epoch {
        if (number < 1) {
            throw new IllegalArgumentException("epoch number must be >= 1, got " + number);
        }
    }
}
