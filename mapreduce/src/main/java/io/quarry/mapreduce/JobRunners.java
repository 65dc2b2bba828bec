package io.quarry.mapreduce;

import io.quarry.common.conf.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link JobRunner} that {@code mapreduce.framework.name} asks for. */
final class JobRunners {
    private JobRunners() {
    }

    static JobRunner forConfiguration(Configuration conf) {
        String framework = conf.getString(MapReduceConfigKeys.FRAMEWORK_NAME);
        List<String> known = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (JobRunner runner : ServiceLoader.load(JobRunner.class, loader != null ? loader : JobRunners.class.getClassLoader())) {
            if (runner.framework().equals(framework)) {
                return runner;
            }
            known.add(runner.framework());
        }
        throw new IllegalArgumentException(MapReduceConfigKeys.FRAMEWORK_NAME.name() + " = " + framework
                + ": no such job runner on the class path (available: " + known + ")");
    }
}
