/**
 * The container-backed test cluster: every Quarry node a container of its own (host name, address,
 * processes, disk) started with Testcontainers on an internal network, driven from a client host
 * with {@code docker exec}, and the faults a test inflicts on its hosts (kill, freeze, cut off the
 * network, fill the disk, restart with the disk kept). The node image is built locally by
 * {@code bin/quarry-node-image}; nothing is ever pulled. See {@code docs/testing.md}.
 *
 * <p>Testcontainers is an optional dependency of this module: only code that uses this package
 * needs it (the {@code container-tests} module), and the distribution does not carry it.
 */
package io.quarry.minicluster.container;
