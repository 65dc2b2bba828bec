package io.quarry.mapreduce.runtime.local;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.MapReduceConfigKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits tasks that run side by side in one JVM into its heap: how many run at once, and how much
 * sort buffer and shuffle memory each may take, so a job far larger than the heap still runs.
 */
record LocalResources(int mapSlots, int reduceSlots, Configuration taskConf) {
    private static final Logger LOG = LoggerFactory.getLogger(LocalResources.class);
    /** Share of the heap all concurrent sort buffers (or all concurrent shuffles) may use. */
    static final double TASK_MEMORY_SHARE = 0.45;

    static LocalResources fit(Configuration conf, int maps, int reduces, long maxHeapBytes) {
        int cores = Runtime.getRuntime().availableProcessors();
        int mapSlots = slots(conf.getInt(MapReduceConfigKeys.LOCAL_MAP_TASKS), cores, maps);
        int reduceSlots = slots(conf.getInt(MapReduceConfigKeys.LOCAL_REDUCE_TASKS), cores, reduces);
        long budget = (long) (maxHeapBytes * TASK_MEMORY_SHARE);
        Configuration taskConf = conf;

        long sortMb = conf.getInt(MapReduceConfigKeys.SORT_MB);
        long sortBudgetMb = Math.max(1, budget / mapSlots >> 20);
        if (sortMb > sortBudgetMb) {
            LOG.info("{} = {} MiB for {} parallel map tasks exceeds the heap share; using {} MiB",
                    MapReduceConfigKeys.SORT_MB.name(), sortMb, mapSlots, sortBudgetMb);
            taskConf = taskConf.with(MapReduceConfigKeys.SORT_MB, Long.toString(sortBudgetMb));
        }
        long shuffle = conf.getSize(MapReduceConfigKeys.SHUFFLE_MEMORY);
        long shuffleBudget = Math.max(1 << 20, budget / reduceSlots);
        if (shuffle > shuffleBudget) {
            LOG.info("{} = {} bytes for {} parallel reduce tasks exceeds the heap share; using {}",
                    MapReduceConfigKeys.SHUFFLE_MEMORY.name(), shuffle, reduceSlots, shuffleBudget);
            taskConf = taskConf.with(MapReduceConfigKeys.SHUFFLE_MEMORY, Long.toString(shuffleBudget));
        }
        return new LocalResources(mapSlots, reduceSlots, taskConf);
    }

    private static int slots(int configured, int cores, int tasks) {
        int wanted = configured > 0 ? configured : cores;
        return Math.max(1, Math.min(wanted, Math.max(1, tasks)));
    }
}
