package io.quarry.mapreduce.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.testing.Seeds;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LineReaderTest {
    @Test
    void indexOfNewlineFindsTheFirstNewlineLikeAPlainScan() {
        long seed = Seeds.seed("indexOfNewlineFindsTheFirstNewlineLikeAPlainScan");
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                int kind = random.nextInt(10);
                bytes[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x8A : kind == 2 ? 0x0B : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(LineReader.indexOfNewline(bytes, from, to)).as("seed %d round %d", seed, round).isEqualTo(expected);
        }
    }
}
