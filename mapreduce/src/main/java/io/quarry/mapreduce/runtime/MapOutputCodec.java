package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.JobContext;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;

/** The codec of map output, spills and merge passes: none unless map output compression is on. */
final class MapOutputCodec {
    private MapOutputCodec() {
    }

    static CompressionCodec of(JobContext job) {
        if (!job.configuration().getBoolean(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS)) {
            return Codecs.NONE;
        }
        return Codecs.byName(job.configuration().getString(MapReduceConfigKeys.MAP_OUTPUT_COMPRESS_CODEC));
    }
}
