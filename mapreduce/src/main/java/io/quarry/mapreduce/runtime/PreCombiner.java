package io.quarry.mapreduce.runtime;

import io.quarry.common.conf.Configuration;
import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Partitioner;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.ByteOrderComparator;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Combines map output before it reaches the sort buffer, for jobs with a combiner whose keys sort
 * by their bytes (so equal bytes are equal keys). Records are grouped by (partition, key) in a
 * {@link CombiningTable}; a key that gathers {@link #COMBINE_AT} values is combined on the spot
 * (its single result stays in the table), and when the table is full every key is combined and
 * the results go on to the sort buffer. An aggregating job such as WordCount then sorts about one
 * record per distinct key and table-full instead of one per word. This is valid because a
 * combiner may run any number of times on any subset of a key's values.
 */
final class PreCombiner implements RecordSink<Object, Object> {
    static final int COMBINE_AT = 32;

    private final MapOutputCollector<Object, Object> collector;
    private final CombiningTable table;
    private final int partitions;
    private final Partitioner<Object, Object> partitioner;
    private final Serde<Object> keySerde;
    private final Serde<Object> valueSerde;
    private final OutputBuffer keyBuffer = new OutputBuffer(256);
    private final OutputBuffer valueBuffer = new OutputBuffer(256);
    @SuppressWarnings("rawtypes")
    private final Reducer combiner;
    private final TaskContextImpl<Object, Object> combinerContext;
    private final ChainValues values = new ChainValues();
    private final Counter outputRecords;
    private final Counter outputBytes;
    private final Counter combineInput;
    private final Counter combineOutput;
    private final byte[][] captured = new byte[2][];
    private final int[] capturedLength = new int[2];
    private Object key;
    private boolean capturing;
    private int captures;
    private boolean setUp;

    @SuppressWarnings("unchecked")
    private PreCombiner(TaskAttemptContext attempt, InputSplit split, MapOutputCollector<Object, Object> collector,
            int tableBytes) {
        this.collector = Objects.requireNonNull(collector, "collector");
        this.table = new CombiningTable(tableBytes);
        this.partitions = attempt.numReduceTasks();
        this.partitioner = partitions == 1 ? null : attempt.newInstance(attempt.partitionerClass());
        this.keySerde = (Serde<Object>) Serdes.forClass(attempt.mapOutputKeyClass());
        this.valueSerde = (Serde<Object>) Serdes.forClass(attempt.mapOutputValueClass());
        this.combiner = attempt.newInstance(attempt.combinerClass());
        this.combinerContext = new TaskContextImpl<>(attempt, attempt.counters(), split, this::combined);
        this.outputRecords = attempt.counters().counter(TaskCounter.MAP_OUTPUT_RECORDS);
        this.outputBytes = attempt.counters().counter(TaskCounter.MAP_OUTPUT_BYTES);
        this.combineInput = attempt.counters().counter(TaskCounter.COMBINE_INPUT_RECORDS);
        this.combineOutput = attempt.counters().counter(TaskCounter.COMBINE_OUTPUT_RECORDS);
    }

    /** A pre-combiner in front of {@code collector}, or null when the job cannot use one. */
    static PreCombiner forTask(TaskAttemptContext attempt, InputSplit split, MapOutputCollector<Object, Object> collector) {
        Configuration conf = attempt.configuration();
        long size = conf.getSize(MapReduceConfigKeys.COMBINE_TABLE_SIZE);
        if (size <= 0 || attempt.combinerClass() == null || !(attempt.sortComparator() instanceof ByteOrderComparator)) {
            return null;
        }
        return new PreCombiner(attempt, split, collector, (int) Math.min(size, 1L << 30));
    }

    @Override
    public void write(Object key, Object value) throws IOException, InterruptedException {
        int partition = partitions == 1 ? 0 : partitioner.partition(key, value, partitions);
        keyBuffer.reset();
        keySerde.write(key, keyBuffer);
        valueBuffer.reset();
        valueSerde.write(value, valueBuffer);
        int keyLength = keyBuffer.length();
        int valueLength = valueBuffer.length();
        outputRecords.increment();
        outputBytes.increment(keyLength + valueLength);
        if (!table.accepts(keyLength, valueLength)) {
            collector.collect(key, value, false);
            return;
        }
        if (!table.hasRoomFor(keyLength, valueLength)) {
            flush();
        }
        int entry = table.entryFor(partition, keyBuffer.bytes(), keyLength);
        if (table.append(entry, valueBuffer.bytes(), valueLength) >= COMBINE_AT) {
            combineInPlace(entry);
        }
    }

    /** Combines every key in the table into the sort buffer; called when full and at the end of the map. */
    void flush() throws IOException, InterruptedException {
        for (int entry = 0; entry < table.entryCount(); entry++) {
            if (table.valueCount(entry) > 0) {
                combine(entry);
            }
        }
        table.clear();
    }

    /** Flushes what is left and ends the combiner's life. */
    @SuppressWarnings("unchecked")
    void finish() throws IOException, InterruptedException {
        flush();
        if (setUp) {
            combiner.cleanup(combinerContext);
        }
    }

    /** Combines one hot key; a single result with the same key replaces its values in the table. */
    private void combineInPlace(int entry) throws IOException, InterruptedException {
        capturing = true;
        captures = 0;
        try {
            combine(entry);
        } finally {
            capturing = false;
        }
        table.clearValues(entry);
        if (captures != 1) {
            return;
        }
        boolean sameKey = capturedLength[0] == table.keyLength(entry) && Arrays.equals(captured[0], 0,
                capturedLength[0], table.keys(), table.keyStart(entry), table.keyStart(entry) + capturedLength[0]);
        if (sameKey && table.hasRoomFor(0, capturedLength[1])) {
            table.append(entry, captured[1], capturedLength[1]);
        } else {
            collector.collect(keySerde.read(captured[0], 0, capturedLength[0], null),
                    valueSerde.read(captured[1], 0, capturedLength[1], null), false);
        }
    }

    @SuppressWarnings("unchecked")
    private void combine(int entry) throws IOException, InterruptedException {
        if (!setUp) {
            setUp = true;
            combiner.setup(combinerContext);
        }
        key = keySerde.read(table.keys(), table.keyStart(entry), table.keyLength(entry), key);
        values.start(table.firstNode(entry));
        combiner.reduce(key, values, combinerContext);
    }

    /** Where the combiner's output goes: kept for an in-place combine when it is one record, else the sort buffer. */
    private void combined(Object outKey, Object outValue) throws IOException, InterruptedException {
        combineOutput.increment();
        if (capturing) {
            captures++;
            if (captures == 1) {
                keyBuffer.reset();
                keySerde.write(outKey, keyBuffer);
                valueBuffer.reset();
                valueSerde.write(outValue, valueBuffer);
                capture(0, keyBuffer);
                capture(1, valueBuffer);
                return;
            }
            if (captures == 2) {
                // More than one result: the first goes on too, then everything after it.
                collector.collect(keySerde.read(captured[0], 0, capturedLength[0], null),
                        valueSerde.read(captured[1], 0, capturedLength[1], null), false);
            }
        }
        collector.collect(outKey, outValue, false);
    }

    private void capture(int slot, OutputBuffer buffer) {
        if (captured[slot] == null || captured[slot].length < buffer.length()) {
            captured[slot] = new byte[Math.max(64, buffer.length())];
        }
        System.arraycopy(buffer.bytes(), 0, captured[slot], 0, buffer.length());
        capturedLength[slot] = buffer.length();
    }

    /** The values of one entry, deserialized into a reused object as they are iterated. */
    private final class ChainValues implements Iterable<Object>, Iterator<Object> {
        private int node;
        private Object value;

        void start(int firstNode) {
            node = firstNode;
        }

        @Override
        public Iterator<Object> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            return node >= 0;
        }

        @Override
        public Object next() {
            if (node < 0) {
                throw new NoSuchElementException();
            }
            value = valueSerde.read(table.values(), node + CombiningTable.NODE_HEADER, table.nodeValueLength(node), value);
            node = table.nextNode(node);
            combineInput.increment();
            return value;
        }
    }
}
