package io.quarry.mapreduce;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.input.InputSplit;
import java.io.IOException;

/** What a running mapper, reducer or combiner sees of its task. */
public interface TaskContext<K, V> {

    /** Emits one record: intermediate for a map task with reducers, final otherwise. */
    void write(K key, V value) throws IOException, InterruptedException;

    /** A counter named by an enum constant (group = the enum's class). */
    Counter counter(Enum<?> name);

    /** A counter named by group and name, created on first use. */
    Counter counter(String group, String name);

    /** The job's configuration. */
    Configuration configuration();

    /** Which attempt of which task of which job this is. */
    TaskAttemptId taskAttemptId();

    /** The split a map task reads; throws {@link IllegalStateException} in a reduce task. */
    InputSplit inputSplit();

    /** Tells the framework the task is alive during long computations that emit nothing. */
    void progress();

    /** A short human-readable status shown beside the task's progress. */
    void setStatus(String status);
}
