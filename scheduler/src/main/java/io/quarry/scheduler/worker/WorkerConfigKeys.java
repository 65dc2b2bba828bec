package io.quarry.scheduler.worker;

import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarry.common.conf.ConfigKey;
import io.quarry.common.conf.ConfigKeyProvider;

/** Keys of the Worker daemon's attempt runner. */
public final class WorkerConfigKeys implements ConfigKeyProvider {
    public static final ConfigKey TASK_TIMEOUT = ConfigKey.duration("mapreduce.task.timeout", "10m", ChronoUnit.MILLIS,
            "An attempt that shows no sign of life (input read, or a call of the task context's progress()) for this "
                    + "long is killed and counts as failed; 0 disables the check. A job may set its own value.");

    @Override
    public List<ConfigKey> keys() {
        return List.of(TASK_TIMEOUT);
    }
}
