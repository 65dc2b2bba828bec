package io.quarry.common.testing;

import java.time.Duration;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak check itself: a buffer dropped without release must be reported, or NoLeaks proves nothing. */
@Timeout(30)
class NoLeaksTest {
    @Test
    void droppedBufferIsReported() {
        assertThat(LeakLog.attached()).as("LeakLog is attached in logback-test.xml").isTrue();
        int before = LeakLog.count();
        leakOne();
        Await.until("Netty to report the dropped buffer", Duration.ofSeconds(20),
                () -> !NoLeaks.bufferLeaksSince(before).isEmpty());
        List<String> reports = LeakLog.since(before);
        assertThat(reports.get(0)).contains("LEAK");
    }

    private static void leakOne() {
        ByteBuf leaked = Unpooled.directBuffer(16);
        leaked.writeLong(42);
        // dropped on purpose without release()
    }
}
