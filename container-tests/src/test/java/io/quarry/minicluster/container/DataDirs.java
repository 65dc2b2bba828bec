package io.quarry.minicluster.container;

/** What a DataNode host holds on its disk, read with {@code docker exec}. */
final class DataDirs {
    private DataDirs() {
    }

    /** Finalized replica files (not their checksum files) in the DataNode's data directory. */
    static int finalizedReplicas(ContainerNode node) throws Exception {
        String found = node.execChecked("find", "/data/dn/current/finalized", "-type", "f", "-name", "blk_*", "!", "-name", "*.meta");
        return (int) found.lines().filter(line -> !line.isBlank()).count();
    }
}
