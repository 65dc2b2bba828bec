package io.quarry.sql.runtime.step;

import io.quarry.common.conf.Configuration;

/** What steps may need from the task they run in: the job configuration and class loader (to load broadcast inputs). */
public record TaskEnvironment(Configuration configuration, ClassLoader classLoader) {
}
