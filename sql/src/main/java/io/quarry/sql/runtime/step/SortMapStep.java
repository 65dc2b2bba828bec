package io.quarry.sql.runtime.step;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import io.quarry.mapreduce.io.BytesValue;
import io.quarry.sql.runtime.KeyCodec;
import io.quarry.sql.runtime.RowCodec;
import io.quarry.sql.runtime.plan.Shuffle;

/**
 * The map side of ORDER BY: each row keyed by its sortable sort key. With a LIMIT, the task keeps
 * only its first {@code offset + fetch} rows in key order (top-N) and sends them at the end.
 */
public final class SortMapStep implements Step {
    private record Entry(byte[] key, long sequence, Object[] row) {
    }

    private final int[] columns;
    private final KeyCodec keyCodec;
    private final RowCodec rowCodec = new RowCodec();
    private final Emitter emitter;
    private final long keep;
    private final PriorityQueue<Entry> top;
    private final BytesValue keyBytes = new BytesValue();
    private final BytesValue valueBytes = new BytesValue();
    private long sequence;

    public SortMapStep(Shuffle.Sort sort, Emitter emitter) {
        this.columns = sort.columns();
        this.keyCodec = sort.key();
        this.emitter = emitter;
        this.keep = sort.fetch() < 0 ? -1 : sort.offset() + sort.fetch();
        // Largest key (then latest row) on top, so it is the one dropped.
        this.top = keep < 0 ? null : new PriorityQueue<>((a, b) -> {
            int c = Arrays.compareUnsigned(b.key, a.key);
            return c != 0 ? c : Long.compare(b.sequence, a.sequence);
        });
    }

    @Override
    public void push(Object[] row) throws IOException, InterruptedException {
        keyCodec.encode(row, columns, keyBytes);
        if (top == null) {
            emitter.emit(keyBytes, rowCodec.encode(row, row.length, valueBytes));
            return;
        }
        if (keep == 0) {
            return;
        }
        byte[] key = Arrays.copyOf(keyBytes.bytes(), keyBytes.length());
        if (top.size() >= keep) {
            Entry largest = top.peek();
            if (Arrays.compareUnsigned(key, largest.key) >= 0) {
                return;
            }
            top.poll();
        }
        top.add(new Entry(key, sequence++, row.clone()));
    }

    @Override
    public void finish() throws IOException, InterruptedException {
        if (top == null) {
            return;
        }
        List<Entry> entries = new ArrayList<>(top);
        for (Entry entry : entries) {
            keyBytes.set(entry.key, 0, entry.key.length);
            emitter.emit(keyBytes, rowCodec.encode(entry.row, entry.row.length, valueBytes));
        }
    }
}
