package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Counters;
import io.quarry.mapreduce.MapReduceConfigKeys;
import io.quarry.mapreduce.Partitioner;
import io.quarry.mapreduce.TaskAttemptContext;
import io.quarry.mapreduce.TaskCounter;
import io.quarry.mapreduce.input.InputSplit;
import io.quarry.mapreduce.io.OutputBuffer;
import io.quarry.mapreduce.io.Serde;
import io.quarry.mapreduce.io.Serdes;
import io.quarry.mapreduce.io.compress.CompressionCodec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The map side of the shuffle: partitions and serializes each record the mapper writes into the
 * sort buffer, and spills full buffer pages to disk on a background thread while the mapper fills
 * the other page. The buffer ({@code mapreduce.task.io.sort.mb}) is two pages; a page is spilled
 * when full or when it holds {@code mapreduce.map.sort.spill.percent} of the whole buffer. A
 * record too large for a page is spilled on its own. With a single reducer the partitioner is not
 * consulted, as in Hadoop. {@link #finish} merges the spills into the
 * task's output.
 */
final class MapOutputCollector<K, V> implements RecordSink<K, V>, Closeable {
    private final TaskAttemptContext attempt;
    private final int partitions;
    private final Partitioner<K, V> partitioner;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final OutputBuffer keyBuffer = new OutputBuffer(256);
    private final OutputBuffer valueBuffer = new OutputBuffer(256);
    private final SortBuffer[] pages = new SortBuffer[2];
    private final int pageCapacity;
    private final int pageSoftLimit;
    private final Spiller spiller;
    private final Counters spillCounters = new Counters();
    private final ExecutorService spillThread;
    private final List<SpillFile> spills = new ArrayList<>();
    private final Counter outputRecords;
    private final Counter outputBytes;
    private final MapOutputMerger merger;
    private int active;
    private Future<SpillFile> pending;
    private int pendingNumber;
    private int spillCount;

    @SuppressWarnings("unchecked")
    MapOutputCollector(TaskAttemptContext attempt, InputSplit split, Path workDir) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(workDir, "workDir");
        this.partitions = attempt.numReduceTasks();
        this.partitioner = partitions == 1 ? null : attempt.newInstance(attempt.partitionerClass());
        this.keySerde = (Serde<K>) Serdes.forClass(attempt.mapOutputKeyClass());
        this.valueSerde = (Serde<V>) Serdes.forClass(attempt.mapOutputValueClass());
        long total = (long) attempt.configuration().getInt(MapReduceConfigKeys.SORT_MB) << 20;
        if (total <= 0 || total > 2047L << 20) {
            throw new IllegalArgumentException(MapReduceConfigKeys.SORT_MB.name() + " must be in [1, 2047], got "
                    + (total >> 20));
        }
        double spillPercent = attempt.configuration().getDouble(MapReduceConfigKeys.SPILL_PERCENT);
        if (!(spillPercent > 0 && spillPercent <= 1)) {
            throw new IllegalArgumentException(MapReduceConfigKeys.SPILL_PERCENT.name() + " must be in (0, 1], got "
                    + spillPercent);
        }
        this.pageCapacity = (int) (total / 2);
        this.pageSoftLimit = (int) Math.min(pageCapacity, total * spillPercent);
        CompressionCodec codec = MapOutputCodec.of(attempt);
        var combinerClass = attempt.combinerClass();
        CombinerRunner spillCombiner = combinerClass == null ? null
                : new CombinerRunner(attempt, spillCounters, split, combinerClass);
        this.spiller = new Spiller(partitions, attempt.sortComparator(), codec, workDir, spillCombiner,
                spillCounters.counter(TaskCounter.SPILLED_RECORDS));
        this.merger = new MapOutputMerger(attempt, split, workDir, codec);
        this.outputRecords = attempt.counters().counter(TaskCounter.MAP_OUTPUT_RECORDS);
        this.outputBytes = attempt.counters().counter(TaskCounter.MAP_OUTPUT_BYTES);
        String threadName = "map-spill-" + attempt.taskAttemptId();
        this.spillThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void write(K key, V value) throws IOException, InterruptedException {
        collect(key, value, true);
    }

    /**
     * Adds a record to the sort buffer; {@code countAsMapOutput} is false for records a
     * {@link PreCombiner} already counted as map output before combining them.
     */
    void collect(K key, V value, boolean countAsMapOutput) throws IOException, InterruptedException {
        int partition = partitions == 1 ? 0 : partitioner.partition(key, value, partitions);
        if (partition < 0 || partition >= partitions) {
            throw new IOException("partitioner " + partitioner.getClass().getName() + " returned partition " + partition
                    + " for key " + key + ", expected [0, " + partitions + ")");
        }
        keyBuffer.reset();
        keySerde.write(key, keyBuffer);
        valueBuffer.reset();
        valueSerde.write(value, valueBuffer);
        int keyLength = keyBuffer.length();
        int valueLength = valueBuffer.length();
        if (countAsMapOutput) {
            outputRecords.increment();
            outputBytes.increment(keyLength + valueLength);
        }
        SortBuffer page = page();
        if (!page.add(partition, keyBuffer.bytes(), keyLength, valueBuffer.bytes(), valueLength)) {
            if (!page.fitsEmpty(keyLength + valueLength)) {
                spillAlone(partition, keyLength, valueLength);
                return;
            }
            startSpill();
            page = page();
            page.add(partition, keyBuffer.bytes(), keyLength, valueBuffer.bytes(), valueLength);
        }
        if (page.wantsSpill()) {
            startSpill();
        }
    }

    private SortBuffer page() {
        SortBuffer page = pages[active];
        if (page == null) {
            page = new SortBuffer(pageCapacity, pageSoftLimit);
            pages[active] = page;
        }
        return page;
    }

    /** Hands the active page to the spill thread (after the previous spill finished) and switches pages. */
    private void startSpill() throws IOException, InterruptedException {
        awaitSpill();
        SortBuffer full = pages[active];
        int number = spillCount++;
        pendingNumber = number;
        pending = spillThread.submit(() -> spiller.spill(full, number));
        active ^= 1;
        if (pages[active] != null) {
            pages[active].reset();
        }
    }

    private void awaitSpill() throws IOException, InterruptedException {
        if (pending == null) {
            return;
        }
        try {
            spills.add(Futures.await(pending, "spill " + pendingNumber + " of " + attempt.taskAttemptId()));
        } finally {
            pending = null;
        }
    }

    /** A record larger than a page: spilled as a one-record spill of its own. */
    private void spillAlone(int partition, int keyLength, int valueLength) throws IOException, InterruptedException {
        if (!page().isEmpty()) {
            startSpill();
        }
        awaitSpill();
        SortBuffer single = new SortBuffer(keyLength + valueLength + SortBuffer.META_BYTES + 8, Integer.MAX_VALUE);
        single.add(partition, keyBuffer.bytes(), keyLength, valueBuffer.bytes(), valueLength);
        int number = spillCount++;
        pendingNumber = number;
        pending = spillThread.submit(() -> spiller.spill(single, number));
        awaitSpill();
    }

    /** Spills what is left, merges all spills into the task's map output and returns it. */
    MapOutput finish() throws IOException, InterruptedException {
        SortBuffer page = pages[active];
        if (page != null && !page.isEmpty()) {
            startSpill();
        }
        awaitSpill();
        spillThread.shutdown();
        pages[0] = null;
        pages[1] = null;
        attempt.counters().add(spillCounters);
        return merger.merge(spills);
    }

    @Override
    public void close() {
        spillThread.shutdownNow();
    }
}
