package io.quarry.mapreduce.recordfile;

import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.io.compress.Codecs;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import io.quarry.mapreduce.output.FileOutputFormat;
import io.quarry.mapreduce.output.OutputFile;
import io.quarry.mapreduce.output.RecordWriter;
import java.io.IOException;

/**
 * Record files as output: keys and values of the job's output classes, blocks compressed with
 * {@code mapreduce.output.fileoutputformat.compress.codec} and of
 * {@code quarry.mapreduce.recordfile.block-size} raw bytes.
 */
public class RecordFileOutputFormat<K, V> extends FileOutputFormat<K, V> {
    @Override
    @SuppressWarnings("unchecked")
    public RecordWriter<K, V> recordWriter(TaskAttemptContext attempt) throws IOException {
        var conf = attempt.configuration();
        CompressionCodec codec = Codecs.byName(conf.getString(MapReduceConfigKeys.OUTPUT_COMPRESS_CODEC), conf);
        long blockSize = conf.getSize(MapReduceConfigKeys.RECORD_FILE_BLOCK_SIZE);
        if (blockSize < 1 || blockSize > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(MapReduceConfigKeys.RECORD_FILE_BLOCK_SIZE.name() + " = " + blockSize
                    + " is out of range (1 byte to 1g)");
        }
        Class<K> keyClass = (Class<K>) attempt.outputKeyClass();
        Class<V> valueClass = (Class<V>) attempt.outputValueClass();
        OutputFile file = OutputFile.create(workFile(attempt, ""), conf, attempt.counters());
        try {
            RecordFileWriter<K, V> writer = new RecordFileWriter<>(file, keyClass, valueClass, codec, (int) blockSize);
            return new RecordWriter<>() {
                @Override
                public void write(K key, V value) throws IOException {
                    writer.append(key, value);
                }

                @Override
                public void close() throws IOException {
                    writer.close();
                }
            };
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }
}
