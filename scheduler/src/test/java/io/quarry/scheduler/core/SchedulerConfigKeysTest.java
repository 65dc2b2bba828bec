package io.quarry.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.common.conf.ConfigException;
import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.Configuration;
import io.quarry.common.conf.KnownKeys;
import io.quarry.mapreduce.TaskType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pins the defaults and key names of {@link SchedulerConfigKeys}: changing one is a user-visible change. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SchedulerConfigKeysTest {

    @Test
    void keysAreRegisteredThroughTheServiceLoader() {
        KnownKeys known = KnownKeys.load();
        for (ConfigKey key : new SchedulerConfigKeys().keys()) {
            assertThat(known.contains(key.name())).as(key.name()).isTrue();
        }
    }

    @Test
    void everyDeclaredKeyIsListedOnceAndDescribed() throws IllegalAccessException {
        List<ConfigKey> declared = new ArrayList<>();
        for (Field field : SchedulerConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigKey.class) {
                declared.add((ConfigKey) field.get(null));
            }
        }
        List<ConfigKey> listed = new SchedulerConfigKeys().keys();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
        assertThat(listed).allSatisfy(key -> {
            assertThat(key.name()).matches("[a-z][a-z0-9.-]*");
            assertThat(key.description()).isNotBlank();
        });
    }

    @Test
    void defaults() {
        SchedulerConfig config = SchedulerConfig.defaults();
        assertThat(config.nodeLocalityDelay()).isEqualTo(-1);
        assertThat(config.rackLocalityDelay()).isEqualTo(-1);
        assertThat(config.effectiveNodeDelay(8)).isEqualTo(8);
        assertThat(config.effectiveRackDelay(8)).isEqualTo(8);
        assertThat(config.reduceSlowstart()).isEqualTo(1.0);
        assertThat(config.maxAttempts(TaskType.MAP)).isEqualTo(4);
        assertThat(config.maxAttempts(TaskType.REDUCE)).isEqualTo(4);
        assertThat(config.maxTaskFailuresPerWorker()).isEqualTo(3);
        assertThat(config.workerExpiry()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.fetchFailuresPerMap()).isEqualTo(3);
        assertThat(config.speculative(TaskType.MAP)).isTrue();
        assertThat(config.speculative(TaskType.REDUCE)).isTrue();
        assertThat(config.speculativeSlowness()).isEqualTo(1.5);
        assertThat(config.speculativeMinRuntime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.historyRetainedJobs()).isEqualTo(100);
    }

    @Test
    void keysMapToTheirFields() {
        SchedulerConfig config = SchedulerConfig.from(Configuration.empty()
                .with("quarry.scheduler.locality.node-delay", "3")
                .with("quarry.scheduler.locality.rack-delay", "5")
                .with("mapreduce.job.reduce.slowstart.completedmaps", "0.95")
                .with("mapreduce.map.maxattempts", "2")
                .with("mapreduce.reduce.maxattempts", "6")
                .with("mapreduce.job.maxtaskfailures.per.tracker", "7")
                .with("quarry.scheduler.worker.expiry", "90s")
                .with("quarry.scheduler.fetch-failures.per-map", "2")
                .with("mapreduce.map.speculative", "false")
                .with("mapreduce.reduce.speculative", "false")
                .with("quarry.scheduler.speculation.slowness", "2.5")
                .with("quarry.scheduler.speculation.min-runtime", "1m")
                .with("quarry.scheduler.history.retained-jobs", "9"));
        assertThat(config).isEqualTo(new SchedulerConfig(3, 5, 0.95, 2, 6, 7, Duration.ofSeconds(90), 2, false, false, 2.5,
                Duration.ofMinutes(1), 9));
        assertThat(config.effectiveNodeDelay(8)).isEqualTo(3);
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> SchedulerConfig.from(Configuration.empty().with(SchedulerConfigKeys.MAP_MAX_ATTEMPTS, "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mapreduce.map.maxattempts = 0");
        assertThatThrownBy(() -> SchedulerConfig.from(Configuration.empty().with(SchedulerConfigKeys.REDUCE_SLOWSTART, "1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mapreduce.job.reduce.slowstart.completedmaps");
        assertThatThrownBy(() -> SchedulerConfig.from(Configuration.empty().with(SchedulerConfigKeys.SPECULATIVE_SLOWNESS, "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("quarry.scheduler.speculation.slowness");
    }
}
