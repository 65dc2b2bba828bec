package io.quarry.sql.runtime.step;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.quarry.mapreduce.io.BytesValue;
import io.quarry.sql.runtime.KeyCodec;
import io.quarry.sql.runtime.RowCodec;
import io.quarry.sql.runtime.plan.Shuffle;

/**
 * Partial aggregation in the map: rows are folded into a hash table of group → partial state,
 * which is sent to the shuffle (key: the sortable group key; value: the partial states) when it
 * holds too many groups and at the end of the task. A global aggregate (no keys) always sends its
 * one state, even for an empty split.
 */
public final class AggregateMapStep implements Step {
    private final int[] keys;
    private final Accumulators accumulators;
    private final KeyCodec keyCodec;
    private final RowCodec rowCodec = new RowCodec();
    private final Emitter emitter;
    private final int maxGroups;
    private final Map<GroupKey, Object[]> groups = new HashMap<>();
    private final GroupKey probe;
    private final BytesValue keyBytes = new BytesValue();
    private final BytesValue valueBytes = new BytesValue();

    public AggregateMapStep(Shuffle.Aggregate aggregate, Emitter emitter, int maxGroups) {
        this.keys = aggregate.keys();
        this.accumulators = new Accumulators(aggregate.calls());
        this.keyCodec = KeyCodec.grouping(aggregate.keyKinds());
        this.emitter = emitter;
        this.maxGroups = maxGroups;
        this.probe = new GroupKey(keys.length);
    }

    @Override
    public void push(Object[] row) throws IOException, InterruptedException {
        Object[] state = groups.get(probe.fill(row, keys));
        if (state == null) {
            state = accumulators.newState();
            groups.put(probe.copy(), state);
        }
        accumulators.accumulate(state, row);
        if (groups.size() >= maxGroups) {
            flush();
        }
    }

    private void flush() throws IOException, InterruptedException {
        for (Map.Entry<GroupKey, Object[]> group : groups.entrySet()) {
            keyCodec.encode(group.getKey().values(), keyBytes);
            Object[] state = group.getValue();
            emitter.emit(keyBytes, rowCodec.encode(state, state.length, valueBytes));
        }
        groups.clear();
    }

    @Override
    public void finish() throws IOException, InterruptedException {
        if (keys.length == 0 && groups.isEmpty()) {
            groups.put(new GroupKey(0), accumulators.newState());
        }
        flush();
    }
}
