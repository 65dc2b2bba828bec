package io.quarry.scheduler.client;

import static java.util.Objects.requireNonNull;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.input.InputSplit;
import java.util.List;

/** A job that passed the client's checks, with the splits its map tasks will read. */
record PreparedJob(JobContext context, List<InputSplit> splits) {
    PreparedJob {
        requireNonNull(context, "context is null");
        splits = List.copyOf(splits);
    }
}
