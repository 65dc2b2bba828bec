package io.quarry.dfs.namenode.safemode;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quarry.common.error.ErrorCode;
import io.quarry.common.error.QuarryException;
import io.quarry.common.time.Clock;

/**
 * Safe mode: on at startup until enough blocks have a replica reported and enough DataNodes are
 * live, then on for the extension; or on by hand until left by hand. No mutations and no
 * replication work while on. Controller thread writes; others may read {@link #isOn()}.
 */
public final class SafeMode {
    private static final Logger LOG = LoggerFactory.getLogger(SafeMode.class);

    private final Clock clock;
    private final double threshold;
    private final int minDatanodes;
    private final long extensionNanos;
    private volatile boolean startup = true;
    private volatile boolean manual;
    private long reachedAtNanos = -1;
    private volatile String status = "Safe mode is ON: starting up.";

    public SafeMode(Clock clock, double threshold, int minDatanodes, long extensionNanos) {
        this.clock = requireNonNull(clock, "clock is null");
        this.threshold = threshold;
        this.minDatanodes = minDatanodes;
        this.extensionNanos = extensionNanos;
    }

    public boolean isOn() {
        return startup || manual;
    }

    /** Re-evaluates startup safe mode; returns true when it just turned off. */
    public boolean update(long safeBlocks, long totalBlocks, int liveDatanodes) {
        if (!startup) {
            refreshStatus(safeBlocks, totalBlocks, liveDatanodes);
            return false;
        }
        boolean blocksOk = totalBlocks == 0 || safeBlocks >= (long) Math.ceil(threshold * totalBlocks);
        boolean nodesOk = liveDatanodes >= minDatanodes;
        long now = clock.nanoTime();
        if (blocksOk && nodesOk) {
            if (totalBlocks == 0 || extensionNanos <= 0) {
                return leaveStartup(safeBlocks, totalBlocks, liveDatanodes);
            }
            if (reachedAtNanos < 0) {
                reachedAtNanos = now;
                LOG.info("Safe mode threshold reached ({} of {} blocks, {} DataNodes); leaving in {} ms", safeBlocks, totalBlocks,
                        liveDatanodes, extensionNanos / 1_000_000);
            }
            if (now - reachedAtNanos >= extensionNanos) {
                return leaveStartup(safeBlocks, totalBlocks, liveDatanodes);
            }
        } else {
            reachedAtNanos = -1;
        }
        refreshStatus(safeBlocks, totalBlocks, liveDatanodes);
        return false;
    }

    private boolean leaveStartup(long safeBlocks, long totalBlocks, int liveDatanodes) {
        startup = false;
        LOG.info("Leaving safe mode: {} of {} blocks reported, {} live DataNodes", safeBlocks, totalBlocks, liveDatanodes);
        refreshStatus(safeBlocks, totalBlocks, liveDatanodes);
        return !manual;
    }

    private void refreshStatus(long safeBlocks, long totalBlocks, int liveDatanodes) {
        if (manual) {
            status = "Safe mode is ON. It was turned on manually. Use \"dfsadmin -safemode leave\" to turn safe mode off.";
        } else if (startup) {
            String extension = reachedAtNanos >= 0
                    ? " Threshold reached; leaving in " + Math.max(0, (extensionNanos - (clock.nanoTime() - reachedAtNanos)) / 1_000_000) + " ms."
                    : "";
            status = "Name node is in safe mode: " + safeBlocks + " of " + totalBlocks + " blocks reported (threshold "
                    + threshold + "), " + liveDatanodes + " live DataNodes (minimum " + minDatanodes + ")." + extension;
        } else {
            status = "Safe mode is OFF.";
        }
    }

    public void enter() {
        manual = true;
        status = "Safe mode is ON. It was turned on manually. Use \"dfsadmin -safemode leave\" to turn safe mode off.";
        LOG.info("Safe mode turned on manually");
    }

    public void leave() {
        manual = false;
        startup = false;
        status = "Safe mode is OFF.";
        LOG.info("Safe mode turned off manually");
    }

    public String status() {
        return status;
    }

    /** Fails a mutation while safe mode is on. */
    public void checkOff(String op) throws QuarryException {
        if (isOn()) {
            throw new QuarryException(ErrorCode.SAFE_MODE, "Cannot " + op + ". " + status);
        }
    }
}
