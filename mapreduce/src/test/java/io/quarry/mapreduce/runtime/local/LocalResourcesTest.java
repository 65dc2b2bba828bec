package io.quarry.mapreduce.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LocalResourcesTest {
    private static final long MIB = 1 << 20;

    @Test
    void sortBuffersAndShuffleMemoryShrinkToFitASmallHeap() {
        Configuration conf = Configuration.of(Map.of(MapReduceConfigKeys.LOCAL_MAP_TASKS.name(), "4",
                MapReduceConfigKeys.LOCAL_REDUCE_TASKS.name(), "2"));

        LocalResources fitted = LocalResources.fit(conf, 100, 10, 512 * MIB);

        assertThat(fitted.mapSlots()).isEqualTo(4);
        assertThat(fitted.reduceSlots()).isEqualTo(2);
        long sortMb = fitted.taskConf().getInt(MapReduceConfigKeys.SORT_MB);
        long shuffle = fitted.taskConf().getSize(MapReduceConfigKeys.SHUFFLE_MEMORY);
        assertThat(sortMb * 4 * MIB).isLessThanOrEqualTo((long) (512 * MIB * LocalResources.TASK_MEMORY_SHARE));
        assertThat(shuffle * 2).isLessThanOrEqualTo((long) (512 * MIB * LocalResources.TASK_MEMORY_SHARE));
    }

    @Test
    void settingsThatFitAreKeptAndSlotsNeverExceedTheTasks() {
        Configuration conf = Configuration.of(Map.of(MapReduceConfigKeys.SORT_MB.name(), "16"));

        LocalResources fitted = LocalResources.fit(conf, 1, 0, 8192 * MIB);

        assertThat(fitted.mapSlots()).isEqualTo(1);
        assertThat(fitted.reduceSlots()).isEqualTo(1);
        assertThat(fitted.taskConf().getInt(MapReduceConfigKeys.SORT_MB)).isEqualTo(16);
    }
}
