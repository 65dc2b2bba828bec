package io.quarry.mapreduce;

import java.io.IOException;

/**
 * Receives each group of intermediate records, keys in sort order, and writes the final records
 * (or, as a combiner, smaller intermediate ones). One instance runs one reduce task,
 * single-threaded. The default {@code reduce} writes every value with its key.
 *
 * <p>The values can be iterated once. The key and value objects may be reused as the iteration
 * advances (with a grouping comparator the key follows the current value): copy what you keep.
 */
public class Reducer<KI, VI, KO, VO> {

    /** Called once before the first group. */
    public void setup(TaskContext<KO, VO> context) throws IOException, InterruptedException {
    }

    /** Called once per group of values whose keys the grouping comparator finds equal. */
    @SuppressWarnings("unchecked")
    public void reduce(KI key, Iterable<VI> values, TaskContext<KO, VO> context) throws IOException, InterruptedException {
        for (VI value : values) {
            context.write((KO) key, (VO) value);
        }
    }

    /** Called once after the last group. */
    public void cleanup(TaskContext<KO, VO> context) throws IOException, InterruptedException {
    }
}
