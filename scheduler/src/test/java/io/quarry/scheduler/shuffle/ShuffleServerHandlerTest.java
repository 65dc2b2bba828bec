package io.quarry.scheduler.shuffle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.quarry.common.testing.NoLeaks;
import io.quarry.common.testing.Seeds;
import io.quarry.mapreduce.TaskAttemptId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's pipeline in memory: pipelined requests are answered in order, one file region at a time; floods are cut off. */
@Timeout(30)
@ExtendWith(NoLeaks.class)
class ShuffleServerHandlerTest {
    @TempDir
    Path dir;

    private final MapOutputRegistry registry = new MapOutputRegistry();
    private TaskAttemptId attempt;

    @BeforeEach
    void output() throws Exception {
        MapOutputs.Produced produced = MapOutputs.synthetic(dir, new Random(Seeds.seed("handler")), 100, 0, 300);
        produced.registerAll(registry);
        attempt = produced.attempts().get(0);
    }

    private EmbeddedChannel server() {
        return new EmbeddedChannel(ShuffleProtocol.requestFrameDecoder(), new ShuffleRequestDecoder(),
                new ShuffleServerHandler("worker-3", new PartitionOpener("worker-3", registry), Runnable::run));
    }

    private ByteBuf requests(int... partitions) {
        CompositeByteBuf all = ByteBufAllocator.DEFAULT.compositeBuffer();
        for (int partition : partitions) {
            all.addComponent(true, new ShuffleRequest(attempt, partition).encode(ByteBufAllocator.DEFAULT));
        }
        return all;
    }

    /** Everything written so far: headers decoded, file regions as their lengths. */
    private static List<Object> answers(EmbeddedChannel channel) {
        List<Object> answers = new ArrayList<>();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            try {
                if (message instanceof DefaultFileRegion region) {
                    answers.add(region.count());
                } else {
                    ByteBuf frame = (ByteBuf) message;
                    frame.skipBytes(ShuffleProtocol.LENGTH_FIELD);
                    answers.add(ShuffleHeader.decode(frame));
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        return answers;
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWithoutEmptyRegions() {
        EmbeddedChannel channel = server();
        channel.writeInbound(requests(2, 1, 0, 9));
        channel.runPendingTasks();

        List<Object> answers = answers(channel);
        assertThat(answers).hasSize(6);
        assertThat(answers.get(0)).isEqualTo(ShuffleHeader.ok(300, 300, "none"));
        assertThat(answers.get(1)).isEqualTo(300L);
        assertThat(answers.get(2)).isEqualTo(ShuffleHeader.ok(0, 0, "none"));
        assertThat(answers.get(3)).isEqualTo(ShuffleHeader.ok(100, 100, "none"));
        assertThat(answers.get(4)).isEqualTo(100L);
        assertThat(((ShuffleHeader) answers.get(5)).status()).isEqualTo(ShuffleStatus.BAD_PARTITION);
        assertThat(channel.isActive()).isTrue();
        assertThat(channel.config().isAutoRead()).as("reading resumes once every request is answered").isTrue();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aPeerPipeliningTooManyRequestsIsCutOff() {
        EmbeddedChannel channel = new EmbeddedChannel(ShuffleProtocol.requestFrameDecoder(), new ShuffleRequestDecoder(),
                new ShuffleServerHandler("worker-3", new PartitionOpener("worker-3", registry), task -> { }));
        int[] flood = new int[ShuffleServerHandler.MAX_QUEUED_REQUESTS + 2];
        channel.writeInbound(requests(flood));

        assertThat(channel.isActive()).isFalse();
        channel.finishAndReleaseAll();
    }
}
