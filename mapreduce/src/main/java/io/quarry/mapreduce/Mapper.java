package io.quarry.mapreduce;

import java.io.IOException;

/**
 * Turns each input record into zero or more intermediate records. One instance runs one map task,
 * single-threaded: {@link #setup}, then {@link #map} once per record, then {@link #cleanup}.
 * The default {@code map} passes each record through unchanged.
 *
 * <p>Key and value objects handed to {@code map} may be reused for the next record: copy them
 * if you keep them.
 */
public class Mapper<KI, VI, KO, VO> {

    /** Called once before the first record. */
    public void setup(TaskContext<KO, VO> context) throws IOException, InterruptedException {
    }

    /** Called once per input record. */
    @SuppressWarnings("unchecked")
    public void map(KI key, VI value, TaskContext<KO, VO> context) throws IOException, InterruptedException {
        context.write((KO) key, (VO) value);
    }

    /** Called once after the last record, also when the split was empty. */
    public void cleanup(TaskContext<KO, VO> context) throws IOException, InterruptedException {
    }
}
