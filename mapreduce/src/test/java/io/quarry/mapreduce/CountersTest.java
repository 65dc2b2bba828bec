package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CountersTest {
    enum Quality { GOOD, BAD }

    @Test
    void formatPrintsHadoopsLayoutInFirstUseOrder() {
        Counters counters = new Counters();
        counters.counter(TaskCounter.MAP_INPUT_RECORDS).increment(10);
        counters.counter(TaskCounter.MAP_OUTPUT_RECORDS).increment(20);
        FileSystemCounters.bytesRead(counters, "file").increment(1234);
        counters.counter(Quality.BAD).increment();
        counters.counter("Words", "long").increment(3);

        assertThat(counters.format()).isEqualTo("""
                Counters: 5
                \tMap-Reduce Framework
                \t\tMap input records=10
                \t\tMap output records=20
                \tFile System Counters
                \t\tFILE: Number of bytes read=1234
                \t%s
                \t\tBAD=1
                \tWords
                \t\tlong=3
                """.formatted(Quality.class.getName()));
        assertThat(counters.toString()).isEqualTo(counters.format());
        assertThat(new Counters().format()).isEqualTo("Counters: 0\n");
    }

    @Test
    void addSumsMatchingCountersAndAddsNewOnes() {
        Counters total = new Counters();
        total.counter(TaskCounter.SPILLED_RECORDS).increment(5);
        total.counter("g", "a").increment(1);
        Counters task = new Counters();
        task.counter(TaskCounter.SPILLED_RECORDS).increment(7);
        task.counter(TaskCounter.REDUCE_INPUT_GROUPS).increment(2);
        task.counter("g", "b").increment(4);

        total.add(task);
        total.add(task);

        assertThat(total.value(TaskCounter.SPILLED_RECORDS)).isEqualTo(19);
        assertThat(total.value(TaskCounter.REDUCE_INPUT_GROUPS)).isEqualTo(4);
        assertThat(total.value("g", "a")).isEqualTo(1);
        assertThat(total.value("g", "b")).isEqualTo(8);
        assertThat(total.size()).isEqualTo(4);
        assertThat(task.value(TaskCounter.SPILLED_RECORDS)).as("the added set is unchanged").isEqualTo(7);
        assertThat(total.format()).contains("\t\tReduce input groups=4\n");
    }

    @Test
    void unusedCountersReadZeroWithoutBeingCreated() {
        Counters counters = new Counters();
        assertThat(counters.value(TaskCounter.MAP_INPUT_RECORDS)).isZero();
        assertThat(counters.value("nope", "none")).isZero();
        counters.counter(TaskCounter.MAP_OUTPUT_BYTES);
        assertThat(counters.value(TaskCounter.MAP_INPUT_RECORDS)).isZero();
        assertThat(counters.size()).isEqualTo(1);
    }

    @Test
    void copyIsIndependent() {
        Counters counters = new Counters();
        counters.counter(JobCounter.values()[0]).increment(2);
        Counters copy = counters.copy();
        counters.counter(JobCounter.values()[0]).increment(5);
        assertThat(copy.value(JobCounter.values()[0])).isEqualTo(2);
        assertThat(copy.groups()).extracting(CounterGroup::displayName).containsExactly("Job Counters");
    }

    @Test
    void countersCanBeSetAndShowTheirDisplayName() {
        Counter counter = new Counters().counter(TaskCounter.CPU_MILLISECONDS);
        counter.setValue(40);
        counter.increment();
        assertThat(counter.name()).isEqualTo("CPU_MILLISECONDS");
        assertThat(counter).hasToString("CPU time spent (ms)=41");
    }
}
