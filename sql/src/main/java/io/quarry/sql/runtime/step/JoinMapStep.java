package io.quarry.sql.runtime.step;

import java.io.IOException;

import io.quarry.mapreduce.io.BytesValue;
import io.quarry.sql.runtime.KeyCodec;
import io.quarry.sql.runtime.RowCodec;
import io.quarry.sql.runtime.plan.RowOp.JoinKind;
import io.quarry.sql.runtime.plan.Shuffle;

/**
 * The map side of a shuffle join: each row keyed by its join columns, tagged with its side. A row
 * with a NULL key matches nothing: it is dropped, unless its side is preserved by an outer join,
 * in which case it gets a key of its own (0xFF, the task, a counter) that no other row has.
 */
public final class JoinMapStep implements Step {
    private final int tag;
    private final int[] keys;
    private final KeyCodec keyCodec;
    private final boolean preserved;
    private final RowCodec rowCodec = new RowCodec();
    private final Emitter emitter;
    private final String taskId;
    private final BytesValue keyBytes = new BytesValue();
    private final BytesValue valueBytes = new BytesValue();
    private long unmatched;

    public JoinMapStep(Shuffle.Join join, int tag, String taskId, Emitter emitter) {
        this.tag = tag;
        this.keys = join.keys()[tag];
        this.keyCodec = KeyCodec.grouping(join.keyKinds());
        JoinKind kind = join.kind();
        this.preserved = tag == 0 ? kind == JoinKind.LEFT || kind == JoinKind.FULL || kind == JoinKind.ANTI
                : kind == JoinKind.RIGHT || kind == JoinKind.FULL;
        this.taskId = taskId;
        this.emitter = emitter;
    }

    @Override
    public void push(Object[] row) throws IOException, InterruptedException {
        boolean nullKey = false;
        for (int key : keys) {
            if (row[key] == null) {
                nullKey = true;
                break;
            }
        }
        if (nullKey) {
            if (!preserved) {
                return;
            }
            byte[] own = ("\u00ff" + taskId + "/" + unmatched++).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            keyBytes.set(own, 0, own.length);
        } else {
            keyCodec.encode(row, keys, keyBytes);
        }
        emitter.emit(keyBytes, rowCodec.encodeTagged(tag, row, row.length, valueBytes));
    }
}
