package io.quarry.mapreduce.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.dfs.Path;
import io.quarry.mapreduce.io.KryoSerde;
import io.quarry.mapreduce.io.OutputBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileSplitTest {
    @Test
    void travelsThroughKryoUnchanged() {
        FileSplit split = new FileSplit(new Path("qfs://nn:8020/logs/part-0"), 134217728L, 1000, List.of("dn1", "dn2"));
        KryoSerde<FileSplit> serde = new KryoSerde<>(FileSplit.class);
        OutputBuffer out = new OutputBuffer();
        serde.write(split, out);
        FileSplit back = serde.read(out.bytes(), 0, out.length(), null);
        assertThat(back).isEqualTo(split);
        assertThat(back.end()).isEqualTo(134218728L);
        assertThat(back.locations()).containsExactly("dn1", "dn2");
    }

    @Test
    void rejectsNegativeRanges() {
        assertThatThrownBy(() -> new FileSplit(new Path("file:/a"), -1, 10, List.of())).hasMessageContaining("file:///a").hasMessageContaining("-1");
    }
}
