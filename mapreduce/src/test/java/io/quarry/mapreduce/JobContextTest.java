package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.io.Text;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobContextTest {
    /** Comparable but not byte-ordered: sorts through compareTo. */
    record Version(int major, int minor) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }
    }

    record Unordered(String name) {
    }

    public static final class FirstByteComparator implements RawComparator {
        @Override
        public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
            return Integer.compare(left[leftOffset] & 0xFF, right[rightOffset] & 0xFF);
        }
    }

    public static final class SeesConfiguration implements Configurable {
        Configuration conf;

        @Override
        public void configure(Configuration configuration) {
            conf = configuration;
        }
    }

    static final class NeedsArgument {
        NeedsArgument(int x) {
        }
    }

    @Test
    void byteOrderedKeysSortAndGroupByBytes() {
        JobContext job = context(Job.create(Configuration.empty()).setMapOutputKeyClass(LongValue.class));
        assertThat(job.sortComparator()).isSameAs(ByteOrderComparator.INSTANCE);
        assertThat(job.groupingComparator()).isSameAs(ByteOrderComparator.INSTANCE);
    }

    @Test
    void mapOutputKeyClassDefaultsToTheOutputKeyClass() {
        JobContext job = context(Job.create(Configuration.empty()).setOutputKeyClass(LongValue.class));
        assertThat(job.mapOutputKeyClass()).isEqualTo(LongValue.class);
        assertThat(context(Job.create(Configuration.empty())).mapOutputKeyClass()).isEqualTo(Text.class);
    }

    @Test
    void comparableKeysSortByCompareToAfterDeserializing() {
        JobContext job = context(Job.create(Configuration.empty()).setMapOutputKeyClass(Version.class));
        RawComparator comparator = job.sortComparator();
        assertThat(comparator).isNotInstanceOf(ByteOrderComparator.class);
        byte[] v2 = bytes(new Version(2, 0));
        byte[] v10 = bytes(new Version(10, 1));
        assertThat(comparator.compare(v2, 0, v2.length, v10, 0, v10.length)).isNegative();
        assertThat(comparator.compare(v10, 0, v10.length, v2, 0, v2.length)).isPositive();
        assertThat(comparator.compare(v2, 0, v2.length, v2, 0, v2.length)).isZero();
    }

    @Test
    void configuredComparatorsWin() {
        JobContext job = context(Job.create(Configuration.empty()).setMapOutputKeyClass(LongValue.class)
                .setSortComparatorClass(FirstByteComparator.class));
        assertThat(job.sortComparator()).isInstanceOf(FirstByteComparator.class);
        assertThat(job.groupingComparator()).as("grouping follows the sort comparator").isInstanceOf(FirstByteComparator.class);

        JobContext grouped = context(Job.create(Configuration.empty()).setMapOutputKeyClass(LongValue.class)
                .setGroupingComparatorClass(FirstByteComparator.class));
        assertThat(grouped.sortComparator()).isSameAs(ByteOrderComparator.INSTANCE);
        assertThat(grouped.groupingComparator()).isInstanceOf(FirstByteComparator.class);
    }

    @Test
    void keyClassWithoutOrderIsAnErrorNamingTheSetting() {
        JobContext job = context(Job.create(Configuration.empty()).setMapOutputKeyClass(Unordered.class));
        assertThatThrownBy(job::sortComparator)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Unordered.class.getName())
                .hasMessageContaining("mapreduce.job.output.key.comparator.class");
        assertThatThrownBy(job::groupingComparator).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classSettingsAreCheckedAndNamedInErrors() {
        JobContext missing = context(Job.create(Configuration.empty()).set(MapReduceConfigKeys.MAPPER_CLASS, "no.such.Mapper"));
        assertThatThrownBy(missing::mapperClass).hasMessageContaining("mapreduce.job.map.class = no.such.Mapper")
                .hasMessageContaining("not found");
        JobContext wrongType = context(Job.create(Configuration.empty()).set(MapReduceConfigKeys.REDUCER_CLASS, String.class.getName()));
        assertThatThrownBy(wrongType::reducerClass).hasMessageContaining("is not a " + Reducer.class.getName());
        assertThat(context(Job.create(Configuration.empty())).combinerClass()).isNull();
        assertThat(context(Job.create(Configuration.empty())).partitionerClass()).isEqualTo(HashPartitioner.class);
    }

    @Test
    void newInstanceHandsConfigurableClassesTheConfiguration() {
        JobContext job = context(Job.create(Configuration.empty()).set("quarry.job.x", "1"));
        SeesConfiguration instance = job.newInstance(SeesConfiguration.class);
        assertThat(instance.conf.get("quarry.job.x")).isEqualTo("1");
        assertThatThrownBy(() -> job.newInstance(NeedsArgument.class)).hasMessageContaining("no-argument constructor");
    }

    @Test
    void reduceCountAndNameHaveDefaults() {
        JobContext job = context(Job.create(Configuration.empty()));
        assertThat(job.numReduceTasks()).isEqualTo(1);
        assertThat(job.jobName()).isEmpty();
        assertThat(job.outputPath()).isNull();
        assertThat(job.inputPaths()).isEmpty();
    }

    private static JobContext context(Job job) {
        return new JobContext(new JobId("test", 1), job.configuration(), JobContextTest.class.getClassLoader());
    }

    private static byte[] bytes(Version version) {
        OutputBuffer out = new OutputBuffer();
        Serdes.forClass(Version.class).write(version, out);
        return java.util.Arrays.copyOf(out.bytes(), out.length());
    }
}
