/**
 * ZooKeeper through Curator, for master high availability: the HA settings
 * ({@link io.quarry.common.ha.HaConfigKeys}, {@link io.quarry.common.ha.HaSettings}), a client factory
 * ({@link io.quarry.common.ha.ZooKeeperClients}), leader election per master role with the active's
 * address published ({@link io.quarry.common.ha.LeaderElection}), and epoch fencing
 * ({@link io.quarry.common.ha.EpochFence}): each new leader bumps a persistent counter, and writes
 * guarded by a stale epoch are refused by ZooKeeper itself. The standalone server behind
 * {@code quarry zookeeper} is {@link io.quarry.common.ha.StandaloneZooKeeper}. Graceful failover and
 * the candidate listing behind {@code quarry haadmin} are {@link io.quarry.common.ha.HandOver}.
 *
 * <p>Layout under the namespace {@code /quarry/<cluster id>}: {@code /<role>/latch} (Curator's
 * leader latch), {@code /<role>/active} (ephemeral, the leader's address), {@code /<role>/epoch}
 * (persistent, the decimal epoch) and {@code /<role>/handover} (persistent while a graceful
 * failover is asked for: the address of the active asked to step down). Curator and ZooKeeper classes stay inside this package.
 */
package io.quarry.common.ha;
