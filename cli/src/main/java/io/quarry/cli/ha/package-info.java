/** {@code quarry haadmin}: the state of the HA masters in ZooKeeper, and graceful failover. */
package io.quarry.cli.ha;
