package io.quarry.mapreduce.input;

import java.util.List;

/**
 * The part of the input one map task reads. Splits travel from the job client to the task that
 * reads them, so implementations are plain data (records with serializable fields).
 */
public interface InputSplit {

    /** Bytes to read, for ordering tasks largest first and for progress. */
    long length();

    /** Hosts holding the data, best first, for locality; empty when anywhere is as good. */
    List<String> locations();
}
