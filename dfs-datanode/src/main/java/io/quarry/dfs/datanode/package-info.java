/**
 * The QFS DataNode.
 *
 * <ul>
 *   <li>{@code storage}: data directories ({@code current/VERSION} with the DataNode uuid and
 *       cluster id, {@code rbw/}, {@code finalized/subdirA/subdirB/}), replicas as
 *       {@code blk_<id>} plus {@code blk_<id>_<genstamp>.meta} (12-byte header, then one
 *       big-endian CRC32C per chunk), the replica map rebuilt at start (replicas being written
 *       are cut to their last verifying chunk), finalize, pipeline and lease recovery.</li>
 *   <li>{@code transfer}: the data transfer port (frame decoder, transfer frame decoder, one
 *       handler that dispatches on the first op). Writes forward each packet frame downstream
 *       unchanged, verify and write it on a per-write serial queue of the disk executor, and ack
 *       upstream when both the local write and the downstream ack are in. A packet's checksums
 *       cover its own data in chunks counted from its first byte; a packet that starts inside a
 *       chunk (after a flushed partial chunk or pipeline recovery) has its first on-disk checksum
 *       recomputed over the bytes already there. Reads send whole chunks as file regions of the
 *       block and checksum files, paced by channel writability.</li>
 *   <li>{@code service}: registration, heartbeats, full and incremental block reports, and the
 *       commands of heartbeat replies (copy, delete, recover).</li>
 *   <li>{@code scanner}: the background block scanner.</li>
 * </ul>
 */
package io.quarry.dfs.datanode;
