package io.quarry.mapreduce.runtime;

import io.quarry.mapreduce.Counter;
import io.quarry.mapreduce.Reducer;
import io.quarry.mapreduce.TaskContext;
import io.quarry.mapreduce.io.RawComparator;
import io.quarry.mapreduce.io.Serde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Runs a {@link Reducer} (or combiner) over sorted raw records: consecutive records whose keys
 * the grouping comparator finds equal form one {@code reduce} call. Keys and values are
 * deserialized into reused objects where the type allows, and the key object follows the current
 * value, so a reducer under secondary sort sees each value's full key.
 */
final class GroupingReduceRunner<K, V> {
    private final RawRecordIterator input;
    private final RawComparator grouping;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final Counter groupsCounter;
    private final Counter recordsCounter;
    private byte[] previousKey = new byte[64];
    private int previousKeyLength;
    private boolean pending;
    private boolean more;
    private K key;
    private V value;

    /** {@code groupsCounter} and {@code recordsCounter} count groups and records consumed (either may be null). */
    GroupingReduceRunner(RawRecordIterator input, RawComparator grouping, Serde<K> keySerde, Serde<V> valueSerde,
            Counter groupsCounter, Counter recordsCounter) {
        this.input = Objects.requireNonNull(input, "input");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.groupsCounter = groupsCounter;
        this.recordsCounter = recordsCounter;
    }

    /** Calls setup, reduce per group, cleanup. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void run(Reducer reducer, TaskContext context) throws IOException, InterruptedException {
        reducer.setup(context);
        reduceAll(reducer, context);
        reducer.cleanup(context);
    }

    /** Calls reduce once per group, without setup and cleanup. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void reduceAll(Reducer reducer, TaskContext context) throws IOException, InterruptedException {
        more = input.next();
        Values values = new Values();
        while (more) {
            rememberKey();
            key = keySerde.read(input.keyBytes(), input.keyOffset(), input.keyLength(), key);
            pending = true;
            values.groupOpen = true;
            if (groupsCounter != null) {
                groupsCounter.increment();
            }
            try {
                reducer.reduce(key, values, context);
                while (values.hasNextChecked()) {
                    values.skip();
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() != null) {
                    throw e.getCause();
                }
                throw e;
            }
        }
    }

    private void rememberKey() {
        int length = input.keyLength();
        if (previousKey.length < length) {
            previousKey = new byte[Math.max(length, previousKey.length * 2)];
        }
        System.arraycopy(input.keyBytes(), input.keyOffset(), previousKey, 0, length);
        previousKeyLength = length;
    }

    /** The values of the current group; iterable once (later iterators continue where the last stopped). */
    private final class Values implements Iterable<V>, Iterator<V> {
        boolean groupOpen;

        @Override
        public Iterator<V> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            try {
                return hasNextChecked();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean hasNextChecked() throws IOException {
            if (pending) {
                return true;
            }
            if (!groupOpen || !more) {
                return false;
            }
            more = input.next();
            if (!more) {
                groupOpen = false;
                return false;
            }
            boolean same = grouping.compare(previousKey, 0, previousKeyLength,
                    input.keyBytes(), input.keyOffset(), input.keyLength()) == 0;
            if (!same) {
                groupOpen = false;
                return false;
            }
            rememberKey();
            pending = true;
            return true;
        }

        @Override
        public V next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more values for this key");
            }
            pending = false;
            if (recordsCounter != null) {
                recordsCounter.increment();
            }
            key = keySerde.read(input.keyBytes(), input.keyOffset(), input.keyLength(), key);
            value = valueSerde.read(input.valueBytes(), input.valueOffset(), input.valueLength(), value);
            return value;
        }

        void skip() {
            pending = false;
            if (recordsCounter != null) {
                recordsCounter.increment();
            }
        }
    }
}
