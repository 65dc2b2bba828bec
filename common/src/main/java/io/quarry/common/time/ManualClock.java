package io.quarry.common.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a test advances it. */
public final class ManualClock implements Clock {
    private final AtomicLong wallMillis;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    public ManualClock() {
        this(1_700_000_000_000L);
    }

    public ManualClock(long startWallMillis) {
        this.wallMillis = new AtomicLong(startWallMillis);
    }

    public void advance(Duration duration) {
        wallMillis.addAndGet(duration.toMillis());
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeMillis() {
        return wallMillis.get();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }
}
