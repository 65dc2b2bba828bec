package io.quarry.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapreduce.CounterGroup;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.JobCounter;
import io.quarry.mapreduce.TaskCounter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WireCountersTest {
    @Test
    void builtInGroupsGetHadoopsDisplayNamesAndOrderAndTheJobsOwnGroupsFollowSorted() {
        Map<String, Map<String, Long>> wire = Map.of(
                "words", Map.of("long", 2L, "short", 5L),
                "io.quarry.mapreduce.TaskCounter", Map.of("MAP_INPUT_RECORDS", 7L),
                "io.quarry.mapreduce.JobCounter", Map.of("RACK_LOCAL_MAPS", 1L, "DATA_LOCAL_MAPS", 3L, "SOMETHING_NEW", 9L),
                "io.quarry.mapreduce.FileSystemCounters", Map.of("QFS_BYTES_READ", 100L, "FILE_BYTES_WRITTEN", 40L),
                "apples", Map.of("red", 1L));

        Counters counters = WireCounters.toCounters(wire);

        assertThat(counters.groups()).extracting(CounterGroup::displayName)
                .containsExactly("File System Counters", "Job Counters", "Map-Reduce Framework", "apples", "words");
        assertThat(counters.value(JobCounter.DATA_LOCAL_MAPS)).isEqualTo(3);
        assertThat(counters.value(TaskCounter.MAP_INPUT_RECORDS)).isEqualTo(7);
        assertThat(counters.value("io.quarry.mapreduce.JobCounter", "SOMETHING_NEW")).isEqualTo(9);
        assertThat(counters.format()).contains("""
                \tFile System Counters
                \t\tFILE: Number of bytes written=40
                \t\tQFS: Number of bytes read=100
                \tJob Counters
                \t\tData-local map tasks=3
                \t\tRack-local map tasks=1
                \t\tSOMETHING_NEW=9
                \tMap-Reduce Framework
                \t\tMap input records=7
                """);
    }

    @Test
    void noCountersGiveAnEmptySet() {
        assertThat(WireCounters.toCounters(Map.of()).size()).isZero();
    }
}
