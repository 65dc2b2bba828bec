package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.Configuration;
import io.quarry.dfs.Path;
import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.LongValue;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Text;
import io.quarry.mapreduce.partition.TotalOrderPartitioner;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobTest {
    static final class TokenMapper extends Mapper<LongValue, Text, Text, LongValue> {
    }

    static final class SumReducer extends Reducer<Text, LongValue, Text, LongValue> {
    }

    static final class ReverseComparator implements RawComparator {
        @Override
        public int compare(byte[] left, int leftOffset, int leftLength, byte[] right, int rightOffset, int rightLength) {
            return ByteOrderComparator.INSTANCE.compare(right, rightOffset, rightLength, left, leftOffset, leftLength);
        }
    }

    @Test
    void settersStoreHadoopsKeyNames() {
        Job job = Job.create(Configuration.empty(), "wordcount")
                .setMapperClass(TokenMapper.class)
                .setCombinerClass(SumReducer.class)
                .setReducerClass(SumReducer.class)
                .setPartitionerClass(TotalOrderPartitioner.class)
                .setSortComparatorClass(ReverseComparator.class)
                .setGroupingComparatorClass(ByteOrderComparator.class)
                .setMapOutputKeyClass(Text.class)
                .setMapOutputValueClass(LongValue.class)
                .setOutputKeyClass(Text.class)
                .setOutputValueClass(LongValue.class)
                .setNumReduceTasks(4)
                .setOutputPath(new Path("/out"));

        Map<String, String> conf = job.configuration().asMap();
        assertThat(conf).containsEntry("mapreduce.job.name", "wordcount")
                .containsEntry("mapreduce.job.map.class", TokenMapper.class.getName())
                .containsEntry("mapreduce.job.combine.class", SumReducer.class.getName())
                .containsEntry("mapreduce.job.reduce.class", SumReducer.class.getName())
                .containsEntry("mapreduce.job.partitioner.class", TotalOrderPartitioner.class.getName())
                .containsEntry("mapreduce.job.output.key.comparator.class", ReverseComparator.class.getName())
                .containsEntry("mapreduce.job.output.group.comparator.class", ByteOrderComparator.class.getName())
                .containsEntry("mapreduce.map.output.key.class", Text.class.getName())
                .containsEntry("mapreduce.map.output.value.class", LongValue.class.getName())
                .containsEntry("mapreduce.job.output.key.class", Text.class.getName())
                .containsEntry("mapreduce.job.output.value.class", LongValue.class.getName())
                .containsEntry("mapreduce.job.reduces", "4")
                .containsEntry("mapreduce.output.fileoutputformat.outputdir", "/out");
    }

    @Test
    void formatClassesUseHadoopsKeys() {
        Job job = Job.create(Configuration.empty());
        job.set("mapreduce.job.inputformat.class", "x.In");
        assertThat(job.configuration().get("mapreduce.job.inputformat.class")).isEqualTo("x.In");
        assertThat(MapReduceConfigKeys.INPUT_FORMAT_CLASS.name()).isEqualTo("mapreduce.job.inputformat.class");
        assertThat(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS.name()).isEqualTo("mapreduce.job.outputformat.class");
    }

    @Test
    void inputPathsAccumulateCommaSeparated() {
        Job job = Job.create(Configuration.empty()).addInputPath(new Path("/in/a")).addInputPath(new Path("/in/b*"));
        assertThat(job.configuration().get("mapreduce.input.fileinputformat.inputdir")).isEqualTo("/in/a,/in/b*");
        JobContext context = new JobContext(new JobId("t", 1), job.configuration(), getClass().getClassLoader());
        assertThat(context.inputPaths()).containsExactly(new Path("/in/a"), new Path("/in/b*"));
        assertThatThrownBy(() -> job.addInputPath(new Path("/in/c,d"))).hasMessageContaining("/in/c,d");
    }

    @Test
    void jobSettingsOverrideTheBaseConfigurationWithoutChangingIt() {
        Configuration base = Configuration.empty().with("mapreduce.job.reduces", "9").with("quarry.job.pattern", "x+");
        Job job = Job.create(base).setNumReduceTasks(2);
        assertThat(job.configuration().get("mapreduce.job.reduces")).isEqualTo("2");
        assertThat(job.configuration().get("quarry.job.pattern")).isEqualTo("x+");
        assertThat(base.get("mapreduce.job.reduces")).isEqualTo("9");
    }

    @Test
    void negativeReduceCountIsRejected() {
        assertThatThrownBy(() -> Job.create(Configuration.empty()).setNumReduceTasks(-1)).hasMessageContaining("-1");
        assertThat(Job.create(Configuration.empty()).setNumReduceTasks(0).configuration().get("mapreduce.job.reduces")).isEqualTo("0");
    }

    @Test
    void jarByClassIsSetOnlyForClassesInAJar() {
        Job job = Job.create(Configuration.empty()).setJarByClass(JobTest.class);
        assertThat(job.configuration().get("mapreduce.job.jar")).isNull();
        job.setJarByClass(Test.class);
        assertThat(job.configuration().get("mapreduce.job.jar")).endsWith(".jar");
    }

    @Test
    void statusBeforeSubmitIsAnError() {
        assertThatThrownBy(() -> Job.create(Configuration.empty()).status()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not submitted");
    }
}
