package io.quarry.mapreduce;

import io.quarry.common.conf.Configuration;

/**
 * Implemented by user classes the framework instantiates (partitioners, comparators, formats)
 * that need the job's configuration; called once, right after construction.
 */
public interface Configurable {
    void configure(Configuration conf);
}
