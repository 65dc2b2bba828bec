package io.quarry.mapreduce;

import io.quarry.common.conf.Configuration;

/**
 * A job driver runnable by {@code quarry jar}: {@link ToolRunner} parses the generic options
 * ({@code -D key=value}, {@code -conf FILE}, {@code --help}) and passes the rest here.
 */
public interface Tool {

    /** Runs the driver; the return value is the process exit code. */
    int run(Configuration conf, String[] args) throws Exception;
}
