package io.quarry.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pins the defaults and key names of {@link MapReduceConfigKeys}: changing one is a user-visible change. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MapReduceConfigKeysTest {

    @Test
    void keysAreRegisteredThroughTheServiceLoader() {
        KnownKeys known = KnownKeys.load();
        for (ConfigKey key : new MapReduceConfigKeys().keys()) {
            assertThat(known.contains(key.name())).as(key.name()).isTrue();
        }
        assertThat(known.contains("quarry.job.grep.pattern")).as("the quarry.job. family").isTrue();
        assertThat(known.contains("mapreduce.job.reducez")).isFalse();
    }

    @Test
    void everyDeclaredKeyIsListedOnceAndDescribed() throws IllegalAccessException {
        List<ConfigKey> declared = new ArrayList<>();
        for (Field field : MapReduceConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigKey.class) {
                declared.add((ConfigKey) field.get(null));
            }
        }
        List<ConfigKey> listed = new MapReduceConfigKeys().keys();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
        assertThat(listed).allSatisfy(key -> {
            assertThat(key.name()).matches("[a-z][a-z0-9.-]*");
            assertThat(key.description()).isNotBlank();
        });
    }

    @Test
    void defaults() {
        Configuration conf = Configuration.empty();
        assertThat(conf.getInt(MapReduceConfigKeys.NUM_REDUCES)).isEqualTo(1);
        assertThat(conf.getString(MapReduceConfigKeys.MAPPER_CLASS)).isEqualTo(Mapper.class.getName());
        assertThat(conf.getString(MapReduceConfigKeys.REDUCER_CLASS)).isEqualTo(Reducer.class.getName());
        assertThat(conf.getString(MapReduceConfigKeys.PARTITIONER_CLASS)).isEqualTo(HashPartitioner.class.getName());
        assertThat(conf.getString(MapReduceConfigKeys.INPUT_FORMAT_CLASS)).isEqualTo("io.quarry.mapreduce.input.TextInputFormat");
        assertThat(conf.getString(MapReduceConfigKeys.OUTPUT_FORMAT_CLASS)).isEqualTo("io.quarry.mapreduce.output.TextOutputFormat");
        assertThat(conf.getString(MapReduceConfigKeys.OUTPUT_KEY_CLASS)).isEqualTo("io.quarry.mapreduce.io.Text");
        assertThat(conf.getString(MapReduceConfigKeys.COMBINER_CLASS)).isNull();
        assertThat(conf.getString(MapReduceConfigKeys.SORT_COMPARATOR_CLASS)).isNull();
        assertThat(conf.getInt(MapReduceConfigKeys.SORT_MB)).isEqualTo(100);
        assertThat(conf.getDouble(MapReduceConfigKeys.SPILL_PERCENT)).isEqualTo(0.80);
        assertThat(conf.getInt(MapReduceConfigKeys.SORT_FACTOR)).isEqualTo(64);
        assertThat(conf.getBoolean(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS)).isFalse();
        assertThat(conf.getString(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS_CODEC)).isEqualTo("lz4");
        assertThat(conf.getString(MapReduceConfigKeys.OUTPUT_COMPRESS_CODEC)).isEqualTo("none");
        assertThat(conf.getInt(MapReduceConfigKeys.ZSTD_LEVEL)).isEqualTo(3);
        assertThat(conf.getString(MapReduceConfigKeys.TOTAL_ORDER_PARTITION_FILE)).isNull();
        assertThat(conf.getSize(MapReduceConfigKeys.LOCAL_BLOCK_SIZE)).isEqualTo(32L << 20);
        assertThat(conf.getSize(MapReduceConfigKeys.SHUFFLE_MEMORY)).isEqualTo(256L << 20);
        assertThat(conf.getInt(MapReduceConfigKeys.SHUFFLE_PARALLEL_COPIES)).isEqualTo(5);
        assertThat(conf.getString(MapReduceConfigKeys.FRAMEWORK_NAME)).isEqualTo("local");
        assertThat(conf.getDuration(MapReduceConfigKeys.PROGRESS_INTERVAL)).isEqualTo(Duration.ofMillis(200));
        assertThat(conf.getString(MapReduceConfigKeys.TEXT_OUTPUT_SEPARATOR)).isEqualTo("\t");
    }

    @Test
    void hadoopKeyNames() {
        assertThat(MapReduceConfigKeys.NUM_REDUCES.name()).isEqualTo("mapreduce.job.reduces");
        assertThat(MapReduceConfigKeys.SORT_MB.name()).isEqualTo("mapreduce.task.io.sort.mb");
        assertThat(MapReduceConfigKeys.SPILL_PERCENT.name()).isEqualTo("mapreduce.map.sort.spill.percent");
        assertThat(MapReduceConfigKeys.SORT_FACTOR.name()).isEqualTo("mapreduce.task.io.sort.factor");
        assertThat(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS.name()).isEqualTo("mapreduce.map.output.compress");
        assertThat(MapReduceConfigKeys.INPUT_DIRS.name()).isEqualTo("mapreduce.input.fileinputformat.inputdir");
        assertThat(MapReduceConfigKeys.OUTPUT_DIR.name()).isEqualTo("mapreduce.output.fileoutputformat.outputdir");
        assertThat(MapReduceConfigKeys.TOTAL_ORDER_PARTITION_FILE.name()).isEqualTo("mapreduce.totalorderpartitioner.path");
        assertThat(MapReduceConfigKeys.ZSTD_LEVEL.name()).isEqualTo("io.compression.codec.zstd.level");
        assertThat(MapReduceConfigKeys.FRAMEWORK_NAME.name()).isEqualTo("mapreduce.framework.name");
    }
}
